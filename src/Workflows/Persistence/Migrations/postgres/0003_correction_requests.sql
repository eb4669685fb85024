CREATE TABLE "Grounds" (
    "Id" uuid NOT NULL,
    "SchoolId" uuid NOT NULL,
    "Code" character varying(64) NOT NULL,
    "Title" character varying(500) NOT NULL,
    "IsRetake" boolean NOT NULL,
    "RequiredDocuments" character varying(200) NOT NULL,
    "IsActive" boolean NOT NULL,
    CONSTRAINT "PK_Grounds" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Grounds_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "LockPolicySettings" (
    "Id" uuid NOT NULL,
    "MunicipalityId" uuid,
    "SchoolId" uuid,
    "Preset" character varying(32) NOT NULL,
    "EisuWindow" character varying(32),
    CONSTRAINT "PK_LockPolicySettings" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_LockPolicySettings_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_LockPolicySettings_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CorrectionRequests" (
    "Id" uuid NOT NULL,
    "SchoolId" uuid NOT NULL,
    "InitiatorId" uuid NOT NULL,
    "ClassId" uuid NOT NULL,
    "SubjectId" uuid NOT NULL,
    "SubjectTeacherId" uuid NOT NULL,
    "GroundId" uuid,
    "Justification" character varying(4000),
    "ProtocolNumber" character varying(50),
    "ProtocolDate" date,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_CorrectionRequests" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_CorrectionRequests_AspNetUsers_InitiatorId" FOREIGN KEY ("InitiatorId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CorrectionRequests_AspNetUsers_SubjectTeacherId" FOREIGN KEY ("SubjectTeacherId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CorrectionRequests_Classes_ClassId" FOREIGN KEY ("ClassId") REFERENCES "Classes" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CorrectionRequests_Grounds_GroundId" FOREIGN KEY ("GroundId") REFERENCES "Grounds" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CorrectionRequests_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CorrectionRequests_Subjects_SubjectId" FOREIGN KEY ("SubjectId") REFERENCES "Subjects" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CorrectionRequests_WorkflowInstances_Id" FOREIGN KEY ("Id") REFERENCES "WorkflowInstances" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "CorrectionEntries" (
    "Id" uuid NOT NULL,
    "SchoolId" uuid NOT NULL,
    "RequestId" uuid NOT NULL,
    "StudentId" uuid NOT NULL,
    "Date" date NOT NULL,
    "Kind" character varying(32) NOT NULL,
    "StudyPeriodId" uuid,
    "CurrentValue" character varying(16) NOT NULL,
    "RequestedValue" character varying(16) NOT NULL,
    CONSTRAINT "PK_CorrectionEntries" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_CorrectionEntries_CorrectionRequests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "CorrectionRequests" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CorrectionEntries_Students_StudentId" FOREIGN KEY ("StudentId") REFERENCES "Students" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CorrectionEntries_StudyPeriods_StudyPeriodId" FOREIGN KEY ("StudyPeriodId") REFERENCES "StudyPeriods" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_CorrectionEntries_RequestId" ON "CorrectionEntries" ("RequestId");

CREATE INDEX "IX_CorrectionEntries_SchoolId" ON "CorrectionEntries" ("SchoolId");

CREATE INDEX "IX_CorrectionEntries_StudentId" ON "CorrectionEntries" ("StudentId");

CREATE INDEX "IX_CorrectionEntries_StudyPeriodId" ON "CorrectionEntries" ("StudyPeriodId");

CREATE INDEX "IX_CorrectionRequests_ClassId" ON "CorrectionRequests" ("ClassId");

CREATE INDEX "IX_CorrectionRequests_GroundId" ON "CorrectionRequests" ("GroundId");

CREATE INDEX "IX_CorrectionRequests_InitiatorId" ON "CorrectionRequests" ("InitiatorId");

CREATE INDEX "IX_CorrectionRequests_SchoolId_InitiatorId" ON "CorrectionRequests" ("SchoolId", "InitiatorId");

CREATE INDEX "IX_CorrectionRequests_SubjectId" ON "CorrectionRequests" ("SubjectId");

CREATE INDEX "IX_CorrectionRequests_SubjectTeacherId" ON "CorrectionRequests" ("SubjectTeacherId");

CREATE UNIQUE INDEX "IX_Grounds_SchoolId_Code" ON "Grounds" ("SchoolId", "Code");

CREATE INDEX "IX_LockPolicySettings_MunicipalityId" ON "LockPolicySettings" ("MunicipalityId");

CREATE UNIQUE INDEX "IX_LockPolicySettings_SchoolId" ON "LockPolicySettings" ("SchoolId");
