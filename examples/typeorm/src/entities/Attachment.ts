import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Post } from './Post';

@Entity({ name: 'attachments', comment: 'A file attached to a post.' })
@Index(['postId'])
@Check('attachments_size_bytes_check', '"size_bytes" > 0')
export class Attachment {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'post_id' })
  postId: number;

  @Column({ name: 'file_name', length: 255 })
  fileName: string;

  @Column({ name: 'content_type', length: 100 })
  contentType: string;

  // bigint comes back from the driver as a string.
  @Column({ name: 'size_bytes', type: 'bigint' })
  sizeBytes: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  checksum: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @ManyToOne(
    () => Post,
    (p) => p.attachments,
    { onDelete: 'CASCADE' },
  )
  @JoinColumn({ name: 'post_id' })
  post: Post;
}
