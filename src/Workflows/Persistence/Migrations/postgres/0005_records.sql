CREATE TABLE "CaseFiles" (
    "Id" uuid NOT NULL,
    "SchoolId" uuid NOT NULL,
    "Year" integer NOT NULL,
    "Index" character varying(20) NOT NULL,
    "Title" character varying(500) NOT NULL,
    "RetentionYears" integer,
    "Note" character varying(500),
    CONSTRAINT "PK_CaseFiles" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_CaseFiles_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "NumberSequences" (
    "SchoolId" uuid NOT NULL,
    "Kind" character varying(32) NOT NULL,
    "Year" integer NOT NULL,
    "Last" integer NOT NULL,
    CONSTRAINT "PK_NumberSequences" PRIMARY KEY ("SchoolId", "Kind", "Year"),
    CONSTRAINT "FK_NumberSequences_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Numerators" (
    "SchoolId" uuid NOT NULL,
    "Kind" character varying(32) NOT NULL,
    "Format" character varying(100) NOT NULL,
    "CaseIndex" character varying(20) NOT NULL,
    CONSTRAINT "PK_Numerators" PRIMARY KEY ("SchoolId", "Kind"),
    CONSTRAINT "FK_Numerators_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE CASCADE
);

CREATE TABLE "RegisteredDocuments" (
    "Id" uuid NOT NULL,
    "SchoolId" uuid NOT NULL,
    "Kind" character varying(32) NOT NULL,
    "Number" character varying(100) NOT NULL,
    "Year" integer NOT NULL,
    "Sequence" integer NOT NULL,
    "RegisteredOn" date NOT NULL,
    "ReceivedOn" date NOT NULL,
    "Author" character varying(500) NOT NULL,
    "Addressee" character varying(500) NOT NULL,
    "Summary" character varying(1000) NOT NULL,
    "Sheets" integer NOT NULL,
    "AttachmentsCount" integer NOT NULL,
    "AttachmentsSheets" integer NOT NULL,
    "CaseIndex" character varying(20) NOT NULL,
    "RequestId" uuid,
    "Resolution" character varying(4000),
    "OnControl" boolean NOT NULL,
    "AccessRestriction" character varying(200),
    "FilingMark" character varying(200),
    "RegisteredById" uuid NOT NULL,
    CONSTRAINT "PK_RegisteredDocuments" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_RegisteredDocuments_AspNetUsers_RegisteredById" FOREIGN KEY ("RegisteredById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RegisteredDocuments_CorrectionRequests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "CorrectionRequests" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RegisteredDocuments_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_CaseFiles_SchoolId_Year_Index" ON "CaseFiles" ("SchoolId", "Year", "Index");

CREATE INDEX "IX_RegisteredDocuments_RegisteredById" ON "RegisteredDocuments" ("RegisteredById");

CREATE INDEX "IX_RegisteredDocuments_RequestId" ON "RegisteredDocuments" ("RequestId");

CREATE UNIQUE INDEX "IX_RegisteredDocuments_SchoolId_Kind_Year_Sequence" ON "RegisteredDocuments" ("SchoolId", "Kind", "Year", "Sequence");

CREATE INDEX "IX_RegisteredDocuments_SchoolId_RegisteredOn" ON "RegisteredDocuments" ("SchoolId", "RegisteredOn");
