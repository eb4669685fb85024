CREATE TABLE "AuditEntries" (
    "Sequence" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY,
    "At" INTEGER NOT NULL,
    "SchoolId" TEXT NULL,
    "ActorId" TEXT NULL,
    "ActorRole" TEXT NULL,
    "Address" TEXT NULL,
    "Action" TEXT NOT NULL,
    "ObjectType" TEXT NOT NULL,
    "ObjectId" TEXT NOT NULL,
    "Before" TEXT NULL,
    "After" TEXT NULL,
    "PreviousHash" TEXT NOT NULL,
    "Hash" TEXT NOT NULL
);

CREATE INDEX "IX_AuditEntries_ObjectType_ObjectId" ON "AuditEntries" ("ObjectType", "ObjectId");

CREATE INDEX "IX_AuditEntries_SchoolId_At" ON "AuditEntries" ("SchoolId", "At");
