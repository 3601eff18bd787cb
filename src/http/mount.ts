import type { Context, Middleware, Next } from 'koa';

/** Serves `middleware` under `prefix`, with the prefix taken off the path it sees. */
export default function mount(prefix: string, middleware: Middleware) {
  return async (ctx: Context, next: Next) => {
    const original = ctx.path;
    ctx.path = original.slice(prefix.length) || '/';
    try {
      await middleware(ctx, async () => {
        ctx.path = original;
        await next();
      });
    } finally {
      ctx.path = original;
    }
  };
}
