import { startServer } from './src/testing.ts';

const server = await startServer({ port: 4455 });
console.log('READY', server.url);
process.on('SIGTERM', async () => {
  await server.close();
  process.exit(0);
});
