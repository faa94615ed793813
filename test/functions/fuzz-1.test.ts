// Shard 1 of the actions' fuzz (helpers/fuzz.ts).
import { describeFuzzShard } from './helpers/fuzz'

describeFuzzShard(1)
