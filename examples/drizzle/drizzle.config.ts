import { withOrmdoc } from '@ormdoc/drizzle/config';
import { defineConfig } from 'drizzle-kit';

export default withOrmdoc(
  defineConfig({
    dialect: 'postgresql',
    schema: './schema/*.ts',
    out: './drizzle',
  }),
  {
    title: 'Publishing platform (Drizzle)',
    output: 'docs/database',
  },
);
