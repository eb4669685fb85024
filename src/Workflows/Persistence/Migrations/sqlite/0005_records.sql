CREATE TABLE "CaseFiles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CaseFiles" PRIMARY KEY,
    "SchoolId" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Index" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "RetentionYears" INTEGER NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_CaseFiles_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "NumberSequences" (
    "SchoolId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Last" INTEGER NOT NULL,
    CONSTRAINT "PK_NumberSequences" PRIMARY KEY ("SchoolId", "Kind", "Year"),
    CONSTRAINT "FK_NumberSequences_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Numerators" (
    "SchoolId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Format" TEXT NOT NULL,
    "CaseIndex" TEXT NOT NULL,
    CONSTRAINT "PK_Numerators" PRIMARY KEY ("SchoolId", "Kind"),
    CONSTRAINT "FK_Numerators_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE CASCADE
);

CREATE TABLE "RegisteredDocuments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RegisteredDocuments" PRIMARY KEY,
    "SchoolId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Number" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "RegisteredOn" TEXT NOT NULL,
    "ReceivedOn" TEXT NOT NULL,
    "Author" TEXT NOT NULL,
    "Addressee" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "Sheets" INTEGER NOT NULL,
    "AttachmentsCount" INTEGER NOT NULL,
    "AttachmentsSheets" INTEGER NOT NULL,
    "CaseIndex" TEXT NOT NULL,
    "RequestId" TEXT NULL,
    "Resolution" TEXT NULL,
    "OnControl" INTEGER NOT NULL,
    "AccessRestriction" TEXT NULL,
    "FilingMark" TEXT NULL,
    "RegisteredById" TEXT NOT NULL,
    CONSTRAINT "FK_RegisteredDocuments_AspNetUsers_RegisteredById" FOREIGN KEY ("RegisteredById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RegisteredDocuments_CorrectionRequests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "CorrectionRequests" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RegisteredDocuments_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_CaseFiles_SchoolId_Year_Index" ON "CaseFiles" ("SchoolId", "Year", "Index");

CREATE INDEX "IX_RegisteredDocuments_RegisteredById" ON "RegisteredDocuments" ("RegisteredById");

CREATE INDEX "IX_RegisteredDocuments_RequestId" ON "RegisteredDocuments" ("RequestId");

CREATE UNIQUE INDEX "IX_RegisteredDocuments_SchoolId_Kind_Year_Sequence" ON "RegisteredDocuments" ("SchoolId", "Kind", "Year", "Sequence");

CREATE INDEX "IX_RegisteredDocuments_SchoolId_RegisteredOn" ON "RegisteredDocuments" ("SchoolId", "RegisteredOn");
