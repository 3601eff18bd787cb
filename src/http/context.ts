declare module 'koa' {
  interface DefaultContext {
    /** Renders a template from templates/ with the page globals and ctx.state. */
    render(template: string, data?: Record<string, unknown>): void;
  }
}
export {};
