// `npm run seed -- --url http://127.0.0.1:8787`: loads the demo hospital into a running emulator.
export { seedDemo, DEMO_SCENE } from './seed/load'

if (require.main === module) {
  const i = process.argv.indexOf('--url')
  const url = i >= 0 ? process.argv[i + 1] : 'http://127.0.0.1:8787'

  const { seedDemo } = require('./seed/load') as typeof import('./seed/load')
  seedDemo({ url })
    .then((counts) => console.log('演示数据已写入：', counts))
    .catch((error: unknown) => {
      console.error(error)
      process.exit(1)
    })
}
