-- The built-in journal, its time-boxed unlocks, its history, the table of changes, and links to external journals.

CREATE TABLE "Lessons" (
    "Id" uuid NOT NULL,
    "SchoolId" uuid NOT NULL,
    "ClassId" uuid NOT NULL,
    "SubjectId" uuid NOT NULL,
    "TeacherId" uuid NOT NULL,
    "Date" date NOT NULL,
    "Topic" character varying(500),
    "Homework" character varying(500),
    CONSTRAINT "PK_Lessons" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Lessons_AspNetUsers_TeacherId" FOREIGN KEY ("TeacherId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Lessons_Classes_ClassId" FOREIGN KEY ("ClassId") REFERENCES "Classes" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Lessons_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Lessons_Subjects_SubjectId" FOREIGN KEY ("SubjectId") REFERENCES "Subjects" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_Lessons_ClassId_SubjectId_Date" ON "Lessons" ("ClassId", "SubjectId", "Date");

CREATE INDEX "IX_Lessons_SchoolId" ON "Lessons" ("SchoolId");

CREATE INDEX "IX_Lessons_SubjectId" ON "Lessons" ("SubjectId");

CREATE INDEX "IX_Lessons_TeacherId" ON "Lessons" ("TeacherId");

CREATE TABLE "Works" (
    "Id" uuid NOT NULL,
    "SchoolId" uuid NOT NULL,
    "LessonId" uuid NOT NULL,
    "Kind" character varying(32) NOT NULL,
    "Title" character varying(200) NOT NULL,
    CONSTRAINT "PK_Works" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Works_Lessons_LessonId" FOREIGN KEY ("LessonId") REFERENCES "Lessons" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_Works_LessonId" ON "Works" ("LessonId");

CREATE INDEX "IX_Works_SchoolId" ON "Works" ("SchoolId");

CREATE TABLE "Marks" (
    "Id" uuid NOT NULL,
    "SchoolId" uuid NOT NULL,
    "WorkId" uuid NOT NULL,
    "StudentId" uuid NOT NULL,
    "Value" character varying(10) NOT NULL,
    CONSTRAINT "PK_Marks" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Marks_Students_StudentId" FOREIGN KEY ("StudentId") REFERENCES "Students" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Marks_Works_WorkId" FOREIGN KEY ("WorkId") REFERENCES "Works" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_Marks_SchoolId" ON "Marks" ("SchoolId");

CREATE INDEX "IX_Marks_StudentId" ON "Marks" ("StudentId");

CREATE UNIQUE INDEX "IX_Marks_WorkId_StudentId" ON "Marks" ("WorkId", "StudentId");

CREATE TABLE "AttendanceMarks" (
    "Id" uuid NOT NULL,
    "SchoolId" uuid NOT NULL,
    "LessonId" uuid NOT NULL,
    "StudentId" uuid NOT NULL,
    "Code" character varying(10) NOT NULL,
    CONSTRAINT "PK_AttendanceMarks" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AttendanceMarks_Lessons_LessonId" FOREIGN KEY ("LessonId") REFERENCES "Lessons" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AttendanceMarks_Students_StudentId" FOREIGN KEY ("StudentId") REFERENCES "Students" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_AttendanceMarks_LessonId_StudentId" ON "AttendanceMarks" ("LessonId", "StudentId");

CREATE INDEX "IX_AttendanceMarks_SchoolId" ON "AttendanceMarks" ("SchoolId");

CREATE INDEX "IX_AttendanceMarks_StudentId" ON "AttendanceMarks" ("StudentId");

CREATE TABLE "PeriodMarks" (
    "Id" uuid NOT NULL,
    "SchoolId" uuid NOT NULL,
    "ClassId" uuid NOT NULL,
    "SubjectId" uuid NOT NULL,
    "StudyPeriodId" uuid NOT NULL,
    "StudentId" uuid NOT NULL,
    "Value" character varying(10) NOT NULL,
    CONSTRAINT "PK_PeriodMarks" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_PeriodMarks_Classes_ClassId" FOREIGN KEY ("ClassId") REFERENCES "Classes" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PeriodMarks_Students_StudentId" FOREIGN KEY ("StudentId") REFERENCES "Students" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PeriodMarks_StudyPeriods_StudyPeriodId" FOREIGN KEY ("StudyPeriodId") REFERENCES "StudyPeriods" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PeriodMarks_Subjects_SubjectId" FOREIGN KEY ("SubjectId") REFERENCES "Subjects" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_PeriodMarks_ClassId_SubjectId_StudyPeriodId_StudentId" ON "PeriodMarks" ("ClassId", "SubjectId", "StudyPeriodId", "StudentId");

CREATE INDEX "IX_PeriodMarks_SchoolId" ON "PeriodMarks" ("SchoolId");

CREATE INDEX "IX_PeriodMarks_StudentId" ON "PeriodMarks" ("StudentId");

CREATE INDEX "IX_PeriodMarks_StudyPeriodId" ON "PeriodMarks" ("StudyPeriodId");

CREATE INDEX "IX_PeriodMarks_SubjectId" ON "PeriodMarks" ("SubjectId");

CREATE TABLE "JournalChanges" (
    "Id" uuid NOT NULL,
    "SchoolId" uuid NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "ActorId" uuid,
    "Via" character varying(32) NOT NULL,
    "ClassId" uuid NOT NULL,
    "SubjectId" uuid NOT NULL,
    "StudentId" uuid NOT NULL,
    "Kind" character varying(32) NOT NULL,
    "EntryDate" date NOT NULL,
    "StudyPeriodId" uuid,
    "OldValue" character varying(10) NOT NULL,
    "NewValue" character varying(10) NOT NULL,
    "RequestId" uuid,
    CONSTRAINT "PK_JournalChanges" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_JournalChanges_ClassId_SubjectId" ON "JournalChanges" ("ClassId", "SubjectId");

CREATE INDEX "IX_JournalChanges_SchoolId_At" ON "JournalChanges" ("SchoolId", "At");

CREATE TABLE "JournalUnlocks" (
    "Id" uuid NOT NULL,
    "SchoolId" uuid NOT NULL,
    "RequestId" uuid NOT NULL,
    "GrantedAt" timestamp with time zone NOT NULL,
    "ExpiresAt" timestamp with time zone NOT NULL,
    "RevokedAt" timestamp with time zone,
    "RevokedBecause" character varying(32),
    CONSTRAINT "PK_JournalUnlocks" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_JournalUnlocks_CorrectionRequests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "CorrectionRequests" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_JournalUnlocks_RequestId" ON "JournalUnlocks" ("RequestId");

CREATE INDEX "IX_JournalUnlocks_SchoolId" ON "JournalUnlocks" ("SchoolId");

CREATE TABLE "ChangeTableRows" (
    "Id" uuid NOT NULL,
    "SchoolId" uuid NOT NULL,
    "ClassId" uuid NOT NULL,
    "StudyPeriodId" uuid NOT NULL,
    "Number" integer NOT NULL,
    "Student" character varying(200) NOT NULL,
    "Subject" character varying(200) NOT NULL,
    "Description" character varying(1000) NOT NULL,
    "ChangedOn" date NOT NULL,
    "JournalDate" date NOT NULL,
    "Initiator" character varying(200) NOT NULL,
    "SubjectTeacher" character varying(200) NOT NULL,
    "RequestId" uuid,
    "CorrectionEntryId" uuid,
    "CorrectsRowId" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_ChangeTableRows" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ChangeTableRows_Classes_ClassId" FOREIGN KEY ("ClassId") REFERENCES "Classes" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ChangeTableRows_StudyPeriods_StudyPeriodId" FOREIGN KEY ("StudyPeriodId") REFERENCES "StudyPeriods" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_ChangeTableRows_ClassId_StudyPeriodId_Number" ON "ChangeTableRows" ("ClassId", "StudyPeriodId", "Number");

CREATE UNIQUE INDEX "IX_ChangeTableRows_CorrectionEntryId" ON "ChangeTableRows" ("CorrectionEntryId");

CREATE INDEX "IX_ChangeTableRows_SchoolId" ON "ChangeTableRows" ("SchoolId");

CREATE INDEX "IX_ChangeTableRows_StudyPeriodId" ON "ChangeTableRows" ("StudyPeriodId");

CREATE TABLE "ChangeTableCounters" (
    "ClassId" uuid NOT NULL,
    "StudyPeriodId" uuid NOT NULL,
    "SchoolId" uuid NOT NULL,
    "Last" integer NOT NULL,
    CONSTRAINT "PK_ChangeTableCounters" PRIMARY KEY ("ClassId", "StudyPeriodId")
);

CREATE INDEX "IX_ChangeTableCounters_SchoolId" ON "ChangeTableCounters" ("SchoolId");

CREATE TABLE "ExternalJournalLinks" (
    "SchoolId" uuid NOT NULL,
    "LocalType" character varying(32) NOT NULL,
    "LocalId" uuid NOT NULL,
    "ExternalId" character varying(64) NOT NULL,
    CONSTRAINT "PK_ExternalJournalLinks" PRIMARY KEY ("SchoolId", "LocalType", "LocalId"),
    CONSTRAINT "FK_ExternalJournalLinks_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE CASCADE
);

CREATE TABLE "JournalApplyFailures" (
    "Id" uuid NOT NULL,
    "SchoolId" uuid NOT NULL,
    "RequestId" uuid NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "MessageKey" character varying(64) NOT NULL,
    "Arguments" character varying(1000) NOT NULL,
    CONSTRAINT "PK_JournalApplyFailures" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_JournalApplyFailures_CorrectionRequests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "CorrectionRequests" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_JournalApplyFailures_RequestId" ON "JournalApplyFailures" ("RequestId");

CREATE INDEX "IX_JournalApplyFailures_SchoolId" ON "JournalApplyFailures" ("SchoolId");
