// Shard 2 of the actions' fuzz (helpers/fuzz.ts).
import { describeFuzzShard } from './helpers/fuzz'

describeFuzzShard(2)
