// No silent limits: a cloud-function read that can match more than a page either goes through the
// paging helpers (`readAll`, `readByIds`, `aggregateAll` in runtime/rows.ts), is a single-document lookup
// (`doc()` or `.limit(1)`), or says why it is bounded with a `// bounded: …` comment on its statement.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'

const ROOT = join(__dirname, '../../..')
const FUNCTIONS = join(ROOT, 'cloudfunctions')

/** The .ts sources bundled into functions: _shared and every function's src. */
function sources(): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (name === 'node_modules') continue
      if (statSync(path).isDirectory()) walk(path)
      else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path)
    }
  }
  walk(join(FUNCTIONS, '_shared'))
  for (const fn of readdirSync(FUNCTIONS)) {
    const src = join(FUNCTIONS, fn, 'src')
    if (!fn.startsWith('_') && statSync(join(FUNCTIONS, fn)).isDirectory()) {
      try {
        if (statSync(src).isDirectory()) walk(src)
      } catch {
        // a folder without src/ has nothing bundled
      }
    }
  }
  return out
}

/** The calls of a chain like `db.collection('x').where(…).limit(n).get()`, outermost last. */
function chainOf(call: ts.CallExpression): { root: string; calls: Array<[string, string]> } {
  const calls: Array<[string, string]> = []
  let node: ts.Expression = call
  for (;;) {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      calls.unshift([node.expression.name.text, node.arguments.map((a) => a.getText()).join(',')])
      node = node.expression.expression
    } else if (ts.isPropertyAccessExpression(node)) {
      node = node.expression
    } else if (ts.isParenthesizedExpression(node) || ts.isAwaitExpression(node)) {
      node = node.expression
    } else break
  }
  return { root: node.getText(), calls }
}

function statementOf(node: ts.Node): ts.Node {
  let n: ts.Node = node
  while (n.parent && !ts.isSourceFile(n.parent) && !ts.isBlock(n.parent)) n = n.parent
  return n
}

/** Every read in `text` that may silently stop at a page, as `line: reason`. */
export function unboundedReads(text: string, file = 'x.ts'): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const found: string[] = []
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      node.arguments.length === 0 &&
      ts.isPropertyAccessExpression(node.expression) &&
      ['get', 'end'].includes(node.expression.name.text)
    ) {
      const { root, calls } = chainOf(node)
      const names = calls.map(([n]) => n)
      const isQuery = names.includes('collection') || names.includes('aggregate') || root === 'q'
      if (isQuery && !names.includes('doc')) {
        const limit = calls.find(([n]) => n === 'limit')
        const marked = /\/\/\s*bounded:/.test(statementOf(node).getFullText())
        const line = sf.getLineAndCharacterOfPosition(node.getStart()).line + 1
        const op = node.expression.name.text
        if (!limit && op === 'get')
          found.push(`${line}: get() without limit() returns one page of 100`)
        else if (!limit && op === 'end' && !names.includes('count'))
          found.push(`${line}: aggregate without limit() returns 20 rows`)
        else if (limit && limit[1] !== '1' && !marked)
          found.push(
            `${line}: limit(${limit[1]}) without a "// bounded:" reason or a paging helper`,
          )
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return found
}

describe('reads that could silently stop at a page', () => {
  it.each([
    ['a bare limit(1000)', "await db.collection('users').where({ a }).limit(1000).get()", 1],
    ['a limit(100) on ids', "await db.collection('duties').where(w).limit(100).get()", 1],
    ['get() with no limit', "await db.collection('floors').where({ active: true }).get()", 1],
    ['a query variable', 'await q.orderBy("at", "desc").limit(limit).get()', 1],
    [
      'an aggregate cut at 1000',
      "await db.collection('t').aggregate().group(g).limit(1000).end()",
      1,
    ],
    ['an aggregate with no limit', "await db.collection('t').aggregate().group(g).end()", 1],
    ['a single-document lookup', "await db.collection('users').where({ _id }).limit(1).get()", 0],
    ['doc().get()', "await db.collection('users').doc(id).get()", 0],
    ['a count', "await db.collection('t').aggregate().match(w).count('n').end()", 0],
    [
      'a page marked bounded',
      "// bounded: one keyset page\nawait db.collection('t').where(w).limit(limit).get()",
      0,
    ],
    [
      'a marker inside the chain',
      "await db\n  .collection('t')\n  .where(w)\n  // bounded: one page\n  .limit(50)\n  .get()",
      0,
    ],
    ['a Map lookup', 'const x = byId.get(id)', 0],
  ])('%s', (_name, code, count) => {
    expect(unboundedReads(`async function f() {\n${code}\n}`)).toHaveLength(count)
  })

  it.each(sources().map((f) => [relative(ROOT, f)]))('%s reads to the end or says why not', (f) => {
    expect(unboundedReads(readFileSync(join(ROOT, f), 'utf8'), f)).toEqual([])
  })
})
