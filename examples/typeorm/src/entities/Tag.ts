import { Column, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { PostTag } from './PostTag';

@Entity({ name: 'tags', comment: 'A label that can be attached to many posts.' })
export class Tag {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ length: 50, unique: true })
  name: string;

  @OneToMany(
    () => PostTag,
    (pt) => pt.tag,
  )
  postTags: PostTag[];
}
