CREATE TABLE "Grounds" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Grounds" PRIMARY KEY,
    "SchoolId" TEXT NOT NULL,
    "Code" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "IsRetake" INTEGER NOT NULL,
    "RequiredDocuments" TEXT NOT NULL,
    "IsActive" INTEGER NOT NULL,
    CONSTRAINT "FK_Grounds_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "LockPolicySettings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_LockPolicySettings" PRIMARY KEY,
    "MunicipalityId" TEXT NULL,
    "SchoolId" TEXT NULL,
    "Preset" TEXT NOT NULL,
    "EisuWindow" TEXT NULL,
    CONSTRAINT "FK_LockPolicySettings_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_LockPolicySettings_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CorrectionRequests" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CorrectionRequests" PRIMARY KEY,
    "SchoolId" TEXT NOT NULL,
    "InitiatorId" TEXT NOT NULL,
    "ClassId" TEXT NOT NULL,
    "SubjectId" TEXT NOT NULL,
    "SubjectTeacherId" TEXT NOT NULL,
    "GroundId" TEXT NULL,
    "Justification" TEXT NULL,
    "ProtocolNumber" TEXT NULL,
    "ProtocolDate" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_CorrectionRequests_AspNetUsers_InitiatorId" FOREIGN KEY ("InitiatorId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CorrectionRequests_AspNetUsers_SubjectTeacherId" FOREIGN KEY ("SubjectTeacherId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CorrectionRequests_Classes_ClassId" FOREIGN KEY ("ClassId") REFERENCES "Classes" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CorrectionRequests_Grounds_GroundId" FOREIGN KEY ("GroundId") REFERENCES "Grounds" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CorrectionRequests_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CorrectionRequests_Subjects_SubjectId" FOREIGN KEY ("SubjectId") REFERENCES "Subjects" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CorrectionRequests_WorkflowInstances_Id" FOREIGN KEY ("Id") REFERENCES "WorkflowInstances" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "CorrectionEntries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CorrectionEntries" PRIMARY KEY,
    "SchoolId" TEXT NOT NULL,
    "RequestId" TEXT NOT NULL,
    "StudentId" TEXT NOT NULL,
    "Date" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "StudyPeriodId" TEXT NULL,
    "CurrentValue" TEXT NOT NULL,
    "RequestedValue" TEXT NOT NULL,
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
