-- Records, second part: escalation papers linked to their request, filing into cases, acts of destruction.

CREATE TABLE "DestructionActs" (
    "Id" uuid NOT NULL,
    "SchoolId" uuid NOT NULL,
    "Number" character varying(100) NOT NULL,
    "Year" integer NOT NULL,
    "Sequence" integer NOT NULL,
    "Status" character varying(32) NOT NULL,
    "DrawnUpOn" date NOT NULL,
    "DrawnUpById" uuid NOT NULL,
    "ApprovedOn" date,
    "ApprovedById" uuid,
    "ExecutedOn" date,
    "ExecutedById" uuid,
    CONSTRAINT "PK_DestructionActs" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_DestructionActs_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_DestructionActs_SchoolId_Year_Sequence" ON "DestructionActs" ("SchoolId", "Year", "Sequence");

ALTER TABLE "CaseFiles" ADD "DestroyedByActId" uuid;
ALTER TABLE "CaseFiles" ADD CONSTRAINT "FK_CaseFiles_DestructionActs_DestroyedByActId" FOREIGN KEY ("DestroyedByActId") REFERENCES "DestructionActs" ("Id") ON DELETE RESTRICT;

ALTER TABLE "RegisteredDocuments" ADD "LinkedDocumentId" uuid;
ALTER TABLE "RegisteredDocuments" ADD "FiledCaseId" uuid;
ALTER TABLE "RegisteredDocuments" ADD "FiledOn" date;
ALTER TABLE "RegisteredDocuments" ADD CONSTRAINT "FK_RegisteredDocuments_CaseFiles_FiledCaseId" FOREIGN KEY ("FiledCaseId") REFERENCES "CaseFiles" ("Id") ON DELETE RESTRICT;
ALTER TABLE "RegisteredDocuments" ADD CONSTRAINT "FK_RegisteredDocuments_RegisteredDocuments_LinkedDocumentId" FOREIGN KEY ("LinkedDocumentId") REFERENCES "RegisteredDocuments" ("Id") ON DELETE SET NULL;

CREATE INDEX "IX_CaseFiles_DestroyedByActId" ON "CaseFiles" ("DestroyedByActId");

CREATE INDEX "IX_RegisteredDocuments_FiledCaseId" ON "RegisteredDocuments" ("FiledCaseId");

CREATE INDEX "IX_RegisteredDocuments_LinkedDocumentId" ON "RegisteredDocuments" ("LinkedDocumentId");

CREATE TABLE "DocumentAttachments" (
    "DocumentId" uuid NOT NULL,
    "ScanId" uuid NOT NULL,
    "SchoolId" uuid NOT NULL,
    CONSTRAINT "PK_DocumentAttachments" PRIMARY KEY ("DocumentId", "ScanId"),
    CONSTRAINT "FK_DocumentAttachments_RegisteredDocuments_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES "RegisteredDocuments" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_DocumentAttachments_ScanDocuments_ScanId" FOREIGN KEY ("ScanId") REFERENCES "ScanDocuments" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_DocumentAttachments_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_DocumentAttachments_ScanId" ON "DocumentAttachments" ("ScanId");

CREATE INDEX "IX_DocumentAttachments_SchoolId" ON "DocumentAttachments" ("SchoolId");

CREATE TABLE "DestructionActCases" (
    "Id" uuid NOT NULL,
    "SchoolId" uuid NOT NULL,
    "ActId" uuid NOT NULL,
    "CaseFileId" uuid NOT NULL,
    "CaseIndex" character varying(20) NOT NULL,
    "CaseTitle" character varying(500) NOT NULL,
    "CaseYear" integer NOT NULL,
    "RetentionYears" integer NOT NULL,
    "Documents" integer NOT NULL,
    "Sheets" integer NOT NULL,
    CONSTRAINT "PK_DestructionActCases" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_DestructionActCases_CaseFiles_CaseFileId" FOREIGN KEY ("CaseFileId") REFERENCES "CaseFiles" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_DestructionActCases_DestructionActs_ActId" FOREIGN KEY ("ActId") REFERENCES "DestructionActs" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_DestructionActCases_ActId_CaseFileId" ON "DestructionActCases" ("ActId", "CaseFileId");

CREATE INDEX "IX_DestructionActCases_CaseFileId" ON "DestructionActCases" ("CaseFileId");

CREATE INDEX "IX_DestructionActCases_SchoolId" ON "DestructionActCases" ("SchoolId");

CREATE TABLE "DestroyedRecords" (
    "Id" uuid NOT NULL,
    "SchoolId" uuid NOT NULL,
    "ActId" uuid NOT NULL,
    "CaseFileId" uuid NOT NULL,
    "ObjectType" character varying(64) NOT NULL,
    "ObjectId" uuid NOT NULL,
    "Description" character varying(1000) NOT NULL,
    "Sha256" character varying(64),
    "DestroyedOn" date NOT NULL,
    CONSTRAINT "PK_DestroyedRecords" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_DestroyedRecords_DestructionActs_ActId" FOREIGN KEY ("ActId") REFERENCES "DestructionActs" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_DestroyedRecords_ActId" ON "DestroyedRecords" ("ActId");

CREATE INDEX "IX_DestroyedRecords_SchoolId" ON "DestroyedRecords" ("SchoolId");
