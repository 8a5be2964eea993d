import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Post } from './Post';
import { Tag } from './Tag';

/**
 * Declared as an entity rather than through @ManyToMany/@JoinTable: TypeORM's implicit junction
 * table would also index post_id, which DOMAIN.md does not have.
 */
@Entity({ name: 'post_tags', comment: 'Tags attached to posts.' })
@Index(['tagId'])
export class PostTag {
  @PrimaryColumn({ name: 'post_id' })
  postId: number;

  @PrimaryColumn({ name: 'tag_id' })
  tagId: number;

  @ManyToOne(
    () => Post,
    (p) => p.postTags,
    { onDelete: 'CASCADE' },
  )
  @JoinColumn({ name: 'post_id' })
  post: Post;

  @ManyToOne(
    () => Tag,
    (t) => t.postTags,
    { onDelete: 'CASCADE' },
  )
  @JoinColumn({ name: 'tag_id' })
  tag: Tag;
}
