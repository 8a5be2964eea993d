import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ApiKey } from './entities/ApiKey';
import { Attachment } from './entities/Attachment';
import { AuditLog } from './entities/AuditLog';
import { Comment } from './entities/Comment';
import { Invitation } from './entities/Invitation';
import { Membership } from './entities/Membership';
import { Organization } from './entities/Organization';
import { Post } from './entities/Post';
import { PostTag } from './entities/PostTag';
import { Tag } from './entities/Tag';
import { User } from './entities/User';
import { UserProfile } from './entities/UserProfile';

export const AppDataSource = new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_URL,
  // gen_random_uuid() (built into PostgreSQL 13+) for @PrimaryGeneratedColumn('uuid').
  uuidExtension: 'pgcrypto',
  entities: [
    Organization,
    User,
    UserProfile,
    Membership,
    Post,
    Comment,
    Tag,
    PostTag,
    ApiKey,
    Invitation,
    Attachment,
    AuditLog,
  ],
});
