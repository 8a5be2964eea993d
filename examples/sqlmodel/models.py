"""The example domain (examples/DOMAIN.md) as SQLModel classes.

Written for the SQLModel 0.0.8 API (Debian's python3-sqlmodel, SQLAlchemy 1.4) so it also runs on
newer SQLModel/SQLAlchemy 2: precise PostgreSQL types, server defaults, ON DELETE actions and
comments go through `sa_column=Column(...)`. Export it with:

    python ../../packages/sqlmodel/python/ormdoc_export.py models.py --out schema.json
"""

import enum
import uuid
from datetime import datetime
from typing import Any, Dict, List, Optional

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Enum,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, TIMESTAMP, UUID
from sqlmodel import Field, Relationship, SQLModel


class MemberRole(str, enum.Enum):
    """Role of a user inside an organization."""

    owner = "owner"
    admin = "admin"
    member = "member"


class PostStatus(str, enum.Enum):
    """Publication state of a post."""

    draft = "draft"
    published = "published"
    archived = "archived"


def ts3():
    return TIMESTAMP(timezone=True, precision=3)


def created_at():
    return Field(default=None, sa_column=Column(ts3(), nullable=False, server_default=func.now()))


def updated_at():
    return Field(
        default=None,
        sa_column=Column(ts3(), nullable=False, server_default=func.now(), onupdate=func.now()),
    )


def fk(target, ondelete, nullable=False, **kw):
    return Column(Integer, ForeignKey(target, ondelete=ondelete), nullable=nullable, **kw)


def org_fk(ondelete="CASCADE", nullable=False, **kw):
    return Column(UUID(as_uuid=True), ForeignKey("organizations.id", ondelete=ondelete), nullable=nullable, **kw)


member_role = Enum(MemberRole, name="member_role", values_callable=lambda e: [m.value for m in e])
post_status = Enum(PostStatus, name="post_status", values_callable=lambda e: [m.value for m in e])


class Membership(SQLModel, table=True):
    __tablename__ = "memberships"
    __table_args__ = {"comment": "Which users belong to which organizations, and their role."}

    organization_id: uuid.UUID = Field(sa_column=org_fk(primary_key=True))
    user_id: int = Field(sa_column=fk("users.id", "CASCADE", primary_key=True, autoincrement=False, index=True))
    role: MemberRole = Field(
        default=MemberRole.member,
        sa_column=Column(member_role, nullable=False, server_default="member"),
    )
    joined_at: Optional[datetime] = Field(
        default=None, sa_column=Column(ts3(), nullable=False, server_default=func.now())
    )

    organization: "Organization" = Relationship(back_populates="memberships")
    user: "User" = Relationship(back_populates="memberships")


class PostTag(SQLModel, table=True):
    __tablename__ = "post_tags"
    __table_args__ = {"comment": "Tags attached to posts."}

    post_id: int = Field(sa_column=fk("posts.id", "CASCADE", primary_key=True, autoincrement=False))
    tag_id: int = Field(sa_column=fk("tags.id", "CASCADE", primary_key=True, autoincrement=False, index=True))


class Organization(SQLModel, table=True):
    __tablename__ = "organizations"
    __table_args__ = {"comment": "A tenant: every post and membership belongs to one organization."}

    id: Optional[uuid.UUID] = Field(
        default=None,
        sa_column=Column(UUID(as_uuid=True), primary_key=True, server_default=text("gen_random_uuid()")),
    )
    name: str = Field(sa_column=Column(String(200), nullable=False))
    slug: str = Field(
        sa_column=Column(
            String(100),
            nullable=False,
            unique=True,
            comment="URL-safe identifier, unique across the platform.",
        )
    )
    settings: Dict[str, Any] = Field(
        default_factory=dict, sa_column=Column(JSONB, nullable=False, server_default=text("'{}'"))
    )
    created_at: Optional[datetime] = created_at()
    updated_at: Optional[datetime] = updated_at()

    memberships: List[Membership] = Relationship(
        back_populates="organization", sa_relationship_kwargs={"cascade": "all, delete-orphan"}
    )
    posts: List["Post"] = Relationship(back_populates="organization")


class User(SQLModel, table=True):
    __tablename__ = "users"
    __table_args__ = {"comment": "A person who can sign in."}

    id: Optional[int] = Field(default=None, sa_column=Column(Integer, primary_key=True))
    email: str = Field(
        sa_column=Column(String(320), nullable=False, unique=True, comment="Login email address. @pii")
    )
    display_name: str = Field(sa_column=Column(String(100), nullable=False, comment="@pii"))
    bio: Optional[str] = Field(default=None, sa_column=Column(Text, nullable=True))
    is_active: bool = Field(default=True, sa_column=Column(Boolean, nullable=False, server_default=text("true")))
    deleted_at: Optional[datetime] = Field(
        default=None,
        sa_column=Column(ts3(), nullable=True, comment="Soft-delete marker; null while the account is active."),
    )
    created_at: Optional[datetime] = created_at()
    updated_at: Optional[datetime] = updated_at()

    profile: Optional["UserProfile"] = Relationship(
        back_populates="user", sa_relationship_kwargs={"uselist": False}
    )
    memberships: List[Membership] = Relationship(back_populates="user")
    posts: List["Post"] = Relationship(back_populates="author")
    api_keys: List["ApiKey"] = Relationship(back_populates="user")


class UserProfile(SQLModel, table=True):
    __tablename__ = "user_profiles"
    __table_args__ = {"comment": "Optional profile details, one per user."}

    user_id: int = Field(sa_column=fk("users.id", "CASCADE", primary_key=True, autoincrement=False))
    avatar_url: Optional[str] = Field(default=None, sa_column=Column(Text, nullable=True))
    timezone: str = Field(default="UTC", sa_column=Column(String(64), nullable=False, server_default="UTC"))
    locale: str = Field(default="en", sa_column=Column(String(10), nullable=False, server_default="en"))
    phone: Optional[str] = Field(default=None, sa_column=Column(String(32), nullable=True, comment="@pii"))

    user: User = Relationship(back_populates="profile")


class Post(SQLModel, table=True):
    __tablename__ = "posts"
    __table_args__ = (
        UniqueConstraint("organization_id", "slug"),
        CheckConstraint("view_count >= 0", name="posts_view_count_check"),
        {"comment": "An article published inside an organization."},
    )

    id: Optional[int] = Field(default=None, sa_column=Column(Integer, primary_key=True))
    organization_id: uuid.UUID = Field(sa_column=org_fk())
    author_id: Optional[int] = Field(default=None, sa_column=fk("users.id", "SET NULL", nullable=True, index=True))
    title: str = Field(sa_column=Column(String(200), nullable=False))
    slug: str = Field(sa_column=Column(String(200), nullable=False))
    body: str = Field(sa_column=Column(Text, nullable=False))
    status: PostStatus = Field(
        default=PostStatus.draft,
        sa_column=Column(post_status, nullable=False, server_default="draft"),
    )
    published_at: Optional[datetime] = Field(default=None, sa_column=Column(ts3(), nullable=True))
    view_count: int = Field(default=0, sa_column=Column(Integer, nullable=False, server_default=text("0")))
    deleted_at: Optional[datetime] = Field(default=None, sa_column=Column(ts3(), nullable=True))
    created_at: Optional[datetime] = created_at()
    updated_at: Optional[datetime] = updated_at()

    organization: Organization = Relationship(back_populates="posts")
    author: Optional[User] = Relationship(back_populates="posts")
    comments: List["Comment"] = Relationship(
        back_populates="post", sa_relationship_kwargs={"cascade": "all, delete-orphan"}
    )
    tags: List["Tag"] = Relationship(back_populates="posts", link_model=PostTag)
    attachments: List["Attachment"] = Relationship(back_populates="post")


Index("ix_posts_status_published_at", Post.status, Post.published_at.desc())


class Comment(SQLModel, table=True):
    __tablename__ = "comments"
    __table_args__ = {"comment": "A reader's comment on a post; replies point at their parent."}

    id: Optional[int] = Field(default=None, sa_column=Column(Integer, primary_key=True))
    post_id: int = Field(sa_column=fk("posts.id", "CASCADE", index=True))
    author_id: int = Field(sa_column=fk("users.id", "RESTRICT"))
    parent_id: Optional[int] = Field(default=None, sa_column=fk("comments.id", "CASCADE", nullable=True, index=True))
    body: str = Field(sa_column=Column(Text, nullable=False))
    created_at: Optional[datetime] = created_at()
    updated_at: Optional[datetime] = updated_at()

    post: Post = Relationship(back_populates="comments")
    parent: Optional["Comment"] = Relationship(
        back_populates="replies", sa_relationship_kwargs={"remote_side": "Comment.id"}
    )
    replies: List["Comment"] = Relationship(back_populates="parent")


class Tag(SQLModel, table=True):
    __tablename__ = "tags"
    __table_args__ = {"comment": "A label that can be attached to many posts."}

    id: Optional[int] = Field(default=None, sa_column=Column(Integer, primary_key=True))
    name: str = Field(sa_column=Column(String(50), nullable=False, unique=True))

    posts: List[Post] = Relationship(back_populates="tags", link_model=PostTag)


class ApiKey(SQLModel, table=True):
    __tablename__ = "api_keys"
    __table_args__ = {"comment": "Hashed API credentials of a user. @sensitive"}

    id: Optional[int] = Field(default=None, sa_column=Column(Integer, primary_key=True))
    user_id: int = Field(sa_column=fk("users.id", "CASCADE", index=True))
    name: str = Field(sa_column=Column(String(100), nullable=False))
    key_hash: str = Field(
        sa_column=Column(
            String(64),
            nullable=False,
            unique=True,
            comment="SHA-256 of the key; the key itself is never stored. @sensitive",
        )
    )
    last_used_at: Optional[datetime] = Field(default=None, sa_column=Column(ts3(), nullable=True))
    expires_at: Optional[datetime] = Field(default=None, sa_column=Column(ts3(), nullable=True))
    created_at: Optional[datetime] = created_at()

    user: User = Relationship(back_populates="api_keys")


class Invitation(SQLModel, table=True):
    __tablename__ = "invitations"
    __table_args__ = (
        UniqueConstraint("organization_id", "email"),
        {"comment": "A pending invitation to join an organization."},
    )

    id: Optional[uuid.UUID] = Field(
        default=None,
        sa_column=Column(UUID(as_uuid=True), primary_key=True, server_default=text("gen_random_uuid()")),
    )
    organization_id: uuid.UUID = Field(sa_column=org_fk())
    email: str = Field(sa_column=Column(String(320), nullable=False, comment="@pii"))
    role: MemberRole = Field(
        default=MemberRole.member,
        sa_column=Column(member_role, nullable=False, server_default="member"),
    )
    invited_by_id: Optional[int] = Field(default=None, sa_column=fk("users.id", "SET NULL", nullable=True))
    token: str = Field(sa_column=Column(String(64), nullable=False, unique=True))
    expires_at: datetime = Field(sa_column=Column(ts3(), nullable=False))
    accepted_at: Optional[datetime] = Field(default=None, sa_column=Column(ts3(), nullable=True))
    created_at: Optional[datetime] = created_at()


class Attachment(SQLModel, table=True):
    __tablename__ = "attachments"
    __table_args__ = (
        CheckConstraint("size_bytes > 0", name="attachments_size_bytes_check"),
        {"comment": "A file attached to a post."},
    )

    id: Optional[int] = Field(default=None, sa_column=Column(Integer, primary_key=True))
    post_id: int = Field(sa_column=fk("posts.id", "CASCADE", index=True))
    file_name: str = Field(sa_column=Column(String(255), nullable=False))
    content_type: str = Field(sa_column=Column(String(100), nullable=False))
    size_bytes: int = Field(sa_column=Column(BigInteger, nullable=False))
    checksum: Optional[str] = Field(default=None, sa_column=Column(String(64), nullable=True))
    created_at: Optional[datetime] = created_at()

    post: Post = Relationship(back_populates="attachments")


class AuditLog(SQLModel, table=True):
    __tablename__ = "audit_logs"
    __table_args__ = (
        Index("ix_audit_logs_entity_type_entity_id", "entity_type", "entity_id"),
        {"comment": "Append-only record of changes, for compliance."},
    )

    id: Optional[int] = Field(default=None, sa_column=Column(BigInteger, primary_key=True))
    organization_id: Optional[uuid.UUID] = Field(default=None, sa_column=org_fk("SET NULL", nullable=True))
    actor_id: Optional[int] = Field(default=None, sa_column=fk("users.id", "SET NULL", nullable=True))
    action: str = Field(sa_column=Column(String(100), nullable=False))
    entity_type: str = Field(sa_column=Column(String(50), nullable=False))
    entity_id: str = Field(sa_column=Column(String(64), nullable=False))
    metadata_: Optional[Dict[str, Any]] = Field(
        default=None, sa_column=Column("metadata", JSONB, nullable=True)
    )
    ip_address: Optional[str] = Field(default=None, sa_column=Column(String(45), nullable=True, comment="@pii"))
    created_at: Optional[datetime] = created_at()


Index("ix_audit_logs_organization_id_created_at", AuditLog.organization_id, AuditLog.created_at.desc())
