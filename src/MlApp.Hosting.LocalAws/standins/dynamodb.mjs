// DynamoDB wire protocol on 127.0.0.1, in memory. Tables become ACTIVE at once so start-up never waits.
import dynalite from 'dynalite';
import { host, portFromArgs, announce, stopOnSignals } from './listen.mjs';

const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(portFromArgs(), host, () => announce('DynamoDB', server.address().port));
stopOnSignals(() => new Promise((resolve) => server.close(resolve)));
