-- Records, second part: escalation papers linked to their request, filing into cases, acts of destruction.

CREATE TABLE "DestructionActs" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DestructionActs" PRIMARY KEY,
    "SchoolId" TEXT NOT NULL,
    "Number" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "DrawnUpOn" TEXT NOT NULL,
    "DrawnUpById" TEXT NOT NULL,
    "ApprovedOn" TEXT NULL,
    "ApprovedById" TEXT NULL,
    "ExecutedOn" TEXT NULL,
    "ExecutedById" TEXT NULL,
    CONSTRAINT "FK_DestructionActs_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_DestructionActs_SchoolId_Year_Sequence" ON "DestructionActs" ("SchoolId", "Year", "Sequence");

ALTER TABLE "CaseFiles" ADD COLUMN "DestroyedByActId" TEXT NULL REFERENCES "DestructionActs" ("Id") ON DELETE RESTRICT;

ALTER TABLE "RegisteredDocuments" ADD COLUMN "LinkedDocumentId" TEXT NULL REFERENCES "RegisteredDocuments" ("Id") ON DELETE SET NULL;
ALTER TABLE "RegisteredDocuments" ADD COLUMN "FiledCaseId" TEXT NULL REFERENCES "CaseFiles" ("Id") ON DELETE RESTRICT;
ALTER TABLE "RegisteredDocuments" ADD COLUMN "FiledOn" TEXT NULL;

CREATE INDEX "IX_CaseFiles_DestroyedByActId" ON "CaseFiles" ("DestroyedByActId");

CREATE INDEX "IX_RegisteredDocuments_FiledCaseId" ON "RegisteredDocuments" ("FiledCaseId");

CREATE INDEX "IX_RegisteredDocuments_LinkedDocumentId" ON "RegisteredDocuments" ("LinkedDocumentId");

CREATE TABLE "DocumentAttachments" (
    "DocumentId" TEXT NOT NULL,
    "ScanId" TEXT NOT NULL,
    "SchoolId" TEXT NOT NULL,
    CONSTRAINT "PK_DocumentAttachments" PRIMARY KEY ("DocumentId", "ScanId"),
    CONSTRAINT "FK_DocumentAttachments_RegisteredDocuments_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES "RegisteredDocuments" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_DocumentAttachments_ScanDocuments_ScanId" FOREIGN KEY ("ScanId") REFERENCES "ScanDocuments" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_DocumentAttachments_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_DocumentAttachments_ScanId" ON "DocumentAttachments" ("ScanId");

CREATE INDEX "IX_DocumentAttachments_SchoolId" ON "DocumentAttachments" ("SchoolId");

CREATE TABLE "DestructionActCases" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DestructionActCases" PRIMARY KEY,
    "SchoolId" TEXT NOT NULL,
    "ActId" TEXT NOT NULL,
    "CaseFileId" TEXT NOT NULL,
    "CaseIndex" TEXT NOT NULL,
    "CaseTitle" TEXT NOT NULL,
    "CaseYear" INTEGER NOT NULL,
    "RetentionYears" INTEGER NOT NULL,
    "Documents" INTEGER NOT NULL,
    "Sheets" INTEGER NOT NULL,
    CONSTRAINT "FK_DestructionActCases_CaseFiles_CaseFileId" FOREIGN KEY ("CaseFileId") REFERENCES "CaseFiles" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_DestructionActCases_DestructionActs_ActId" FOREIGN KEY ("ActId") REFERENCES "DestructionActs" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_DestructionActCases_ActId_CaseFileId" ON "DestructionActCases" ("ActId", "CaseFileId");

CREATE INDEX "IX_DestructionActCases_CaseFileId" ON "DestructionActCases" ("CaseFileId");

CREATE INDEX "IX_DestructionActCases_SchoolId" ON "DestructionActCases" ("SchoolId");

CREATE TABLE "DestroyedRecords" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DestroyedRecords" PRIMARY KEY,
    "SchoolId" TEXT NOT NULL,
    "ActId" TEXT NOT NULL,
    "CaseFileId" TEXT NOT NULL,
    "ObjectType" TEXT NOT NULL,
    "ObjectId" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "Sha256" TEXT NULL,
    "DestroyedOn" TEXT NOT NULL,
    CONSTRAINT "FK_DestroyedRecords_DestructionActs_ActId" FOREIGN KEY ("ActId") REFERENCES "DestructionActs" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_DestroyedRecords_ActId" ON "DestroyedRecords" ("ActId");

CREATE INDEX "IX_DestroyedRecords_SchoolId" ON "DestroyedRecords" ("SchoolId");
