// Shard 3 of the actions' fuzz (helpers/fuzz.ts).
import { describeFuzzShard } from './helpers/fuzz'

describeFuzzShard(3)
