import Fastify from 'fastify';

/**
 * The yardstick every scenario is compared with: a plain Fastify instance with one trivial route,
 * no plugins, no logging. Started as its own process, like the server under test.
 */
const app = Fastify({ logger: false });

app.get('/bare', async () => ({ ok: true }));

const address = await app.listen({ port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? '127.0.0.1' });
console.log(`bare listening at ${address}`);

const shutdown = async () => {
  await app.close();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
