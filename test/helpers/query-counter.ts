import type { KyselyPlugin } from 'kysely';

/**
 * Counts the queries sent through a db (`db.withPlugin(counter.plugin)`), one per result that
 * comes back: transformQuery would also see the subqueries a query is built from.
 */
export function queryCounter(): { plugin: KyselyPlugin; count(): number } {
  let answered = 0;
  return {
    plugin: {
      transformQuery: (args) => args.node,
      async transformResult(args) {
        answered += 1;
        return args.result;
      },
    },
    count: () => answered,
  };
}
