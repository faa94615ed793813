// Jest's order, except that the files known to run longest start first: on a fresh clone jest has
// no timings and orders by file size, which starts a 4-line fuzz shard (tens of thousands of calls)
// last, so one worker finishes it alone while the other waits. Kept by hand from a `--json` run.
const { relative } = require('node:path')
const Sequencer = require('@jest/test-sequencer').default

/** Test files by how long they ran (longest first) in a full run on two workers. */
const SLOWEST = [
  'test/functions/stats-campaign.test.ts',
  'test/functions/stats-rebuild.test.ts',
  'test/functions/org-roster-limits.test.ts',
  'test/functions/fuzz-4.test.ts',
  'test/functions/fuzz-3.test.ts',
  'test/functions/sla.test.ts',
  'test/functions/fuzz-2.test.ts',
  'test/functions/fuzz-1.test.ts',
  'test/functions/org-roster.test.ts',
  'test/functions/stats-counting.test.ts',
  'test/weapp/wechat-compiler.test.ts',
  'test/functions/signin.test.ts',
  'test/functions/rounds.test.ts',
]

class SlowestFirst extends Sequencer {
  /** Jest's own order (timings when it has them, else size), the known-slowest files moved ahead. */
  sort(tests) {
    const rank = (test) => {
      const at = SLOWEST.indexOf(relative(test.context.config.rootDir, test.path))
      return at === -1 ? SLOWEST.length : at
    }
    return [...super.sort(tests)].sort((a, b) => rank(a) - rank(b))
  }
}

module.exports = SlowestFirst
module.exports.SLOWEST = SLOWEST
