import { describe, expect, test } from 'vitest';
import { loadTypeorm } from '../src/index.js';
import { tmpProjects } from './helpers/tmpProject.js';

const project = tmpProjects();

// The metadata is built when the application's initialize() would build it, not as soon as the
// model files have loaded. (Its own file: the fork tests load @n8n/typeorm, whose global metadata
// storage would then be shared with typeorm's in this process.)
describe('when the metadata is built', () => {
  test('columns added by decorators that run after the model files load are documented', async () => {
    const cwd = project({
      'models.ts': `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
@Entity() export class Project { @PrimaryGeneratedColumn() id: number; @Column() name: string; }
const flags = async () => ({ archiving: true });
// Feature-flag columns, registered once the flags are known (a tick after this file loads).
void (async () => {
  const enabled = await flags();
  await new Promise((resolve) => setImmediate(resolve));
  if (enabled.archiving) Column({ type: 'boolean', default: false })(Project.prototype, 'archived');
})();
setTimeout(() => Column({ type: 'text', nullable: true })(Project.prototype, 'note'), 0);`,
    });
    const { ir } = await loadTypeorm({ cwd, entities: ['models.ts'] });
    expect(ir.tables[0]?.columns.map((c) => c.name)).toEqual(['id', 'name', 'archived', 'note']);
  });
});
