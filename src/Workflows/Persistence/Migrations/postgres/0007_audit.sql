CREATE TABLE "AuditEntries" (
    "Sequence" bigint NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "SchoolId" uuid,
    "ActorId" uuid,
    "ActorRole" character varying(32),
    "Address" character varying(64),
    "Action" character varying(64) NOT NULL,
    "ObjectType" character varying(64) NOT NULL,
    "ObjectId" character varying(200) NOT NULL,
    "Before" text,
    "After" text,
    "PreviousHash" character varying(64) NOT NULL,
    "Hash" character varying(64) NOT NULL,
    CONSTRAINT "PK_AuditEntries" PRIMARY KEY ("Sequence")
);

CREATE INDEX "IX_AuditEntries_ObjectType_ObjectId" ON "AuditEntries" ("ObjectType", "ObjectId");

CREATE INDEX "IX_AuditEntries_SchoolId_At" ON "AuditEntries" ("SchoolId", "At");
