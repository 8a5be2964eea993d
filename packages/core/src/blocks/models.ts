import { OrmdocError } from '../errors.js';
import type { Ir } from '../ir/types.js';
import { prismaSchema } from './prisma.js';
import { sqlalchemyModels } from './sqlalchemy.js';
import { typescriptInterfaces } from './typescript.js';

export type ModelLanguage = 'prisma' | 'typescript' | 'sqlalchemy';

/** The schema as model definitions in another language: schema.prisma, TypeScript interfaces or SQLAlchemy 2.0 models. */
export function modelDefinitions(ir: Ir, lang: ModelLanguage): string {
  switch (lang) {
    case 'prisma':
      return prismaSchema(ir);
    case 'typescript':
      return typescriptInterfaces(ir);
    case 'sqlalchemy':
      return sqlalchemyModels(ir);
    default:
      throw new OrmdocError('UNSUPPORTED', `Unknown model language "${String(lang)}".`, {
        hint: 'Use one of: prisma, typescript, sqlalchemy.',
      });
  }
}
