-- The built-in journal, its time-boxed unlocks, its history, the table of changes, and links to external journals.

CREATE TABLE "Lessons" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Lessons" PRIMARY KEY,
    "SchoolId" TEXT NOT NULL,
    "ClassId" TEXT NOT NULL,
    "SubjectId" TEXT NOT NULL,
    "TeacherId" TEXT NOT NULL,
    "Date" TEXT NOT NULL,
    "Topic" TEXT NULL,
    "Homework" TEXT NULL,
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
    "Id" TEXT NOT NULL CONSTRAINT "PK_Works" PRIMARY KEY,
    "SchoolId" TEXT NOT NULL,
    "LessonId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    CONSTRAINT "FK_Works_Lessons_LessonId" FOREIGN KEY ("LessonId") REFERENCES "Lessons" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_Works_LessonId" ON "Works" ("LessonId");

CREATE INDEX "IX_Works_SchoolId" ON "Works" ("SchoolId");

CREATE TABLE "Marks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Marks" PRIMARY KEY,
    "SchoolId" TEXT NOT NULL,
    "WorkId" TEXT NOT NULL,
    "StudentId" TEXT NOT NULL,
    "Value" TEXT NOT NULL,
    CONSTRAINT "FK_Marks_Students_StudentId" FOREIGN KEY ("StudentId") REFERENCES "Students" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Marks_Works_WorkId" FOREIGN KEY ("WorkId") REFERENCES "Works" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_Marks_SchoolId" ON "Marks" ("SchoolId");

CREATE INDEX "IX_Marks_StudentId" ON "Marks" ("StudentId");

CREATE UNIQUE INDEX "IX_Marks_WorkId_StudentId" ON "Marks" ("WorkId", "StudentId");

CREATE TABLE "AttendanceMarks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AttendanceMarks" PRIMARY KEY,
    "SchoolId" TEXT NOT NULL,
    "LessonId" TEXT NOT NULL,
    "StudentId" TEXT NOT NULL,
    "Code" TEXT NOT NULL,
    CONSTRAINT "FK_AttendanceMarks_Lessons_LessonId" FOREIGN KEY ("LessonId") REFERENCES "Lessons" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AttendanceMarks_Students_StudentId" FOREIGN KEY ("StudentId") REFERENCES "Students" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_AttendanceMarks_LessonId_StudentId" ON "AttendanceMarks" ("LessonId", "StudentId");

CREATE INDEX "IX_AttendanceMarks_SchoolId" ON "AttendanceMarks" ("SchoolId");

CREATE INDEX "IX_AttendanceMarks_StudentId" ON "AttendanceMarks" ("StudentId");

CREATE TABLE "PeriodMarks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PeriodMarks" PRIMARY KEY,
    "SchoolId" TEXT NOT NULL,
    "ClassId" TEXT NOT NULL,
    "SubjectId" TEXT NOT NULL,
    "StudyPeriodId" TEXT NOT NULL,
    "StudentId" TEXT NOT NULL,
    "Value" TEXT NOT NULL,
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
    "Id" TEXT NOT NULL CONSTRAINT "PK_JournalChanges" PRIMARY KEY,
    "SchoolId" TEXT NOT NULL,
    "At" INTEGER NOT NULL,
    "ActorId" TEXT NULL,
    "Via" TEXT NOT NULL,
    "ClassId" TEXT NOT NULL,
    "SubjectId" TEXT NOT NULL,
    "StudentId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "EntryDate" TEXT NOT NULL,
    "StudyPeriodId" TEXT NULL,
    "OldValue" TEXT NOT NULL,
    "NewValue" TEXT NOT NULL,
    "RequestId" TEXT NULL
);

CREATE INDEX "IX_JournalChanges_ClassId_SubjectId" ON "JournalChanges" ("ClassId", "SubjectId");

CREATE INDEX "IX_JournalChanges_SchoolId_At" ON "JournalChanges" ("SchoolId", "At");

CREATE TABLE "JournalUnlocks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_JournalUnlocks" PRIMARY KEY,
    "SchoolId" TEXT NOT NULL,
    "RequestId" TEXT NOT NULL,
    "GrantedAt" INTEGER NOT NULL,
    "ExpiresAt" INTEGER NOT NULL,
    "RevokedAt" INTEGER NULL,
    "RevokedBecause" TEXT NULL,
    CONSTRAINT "FK_JournalUnlocks_CorrectionRequests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "CorrectionRequests" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_JournalUnlocks_RequestId" ON "JournalUnlocks" ("RequestId");

CREATE INDEX "IX_JournalUnlocks_SchoolId" ON "JournalUnlocks" ("SchoolId");

CREATE TABLE "ChangeTableRows" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ChangeTableRows" PRIMARY KEY,
    "SchoolId" TEXT NOT NULL,
    "ClassId" TEXT NOT NULL,
    "StudyPeriodId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Student" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "ChangedOn" TEXT NOT NULL,
    "JournalDate" TEXT NOT NULL,
    "Initiator" TEXT NOT NULL,
    "SubjectTeacher" TEXT NOT NULL,
    "RequestId" TEXT NULL,
    "CorrectionEntryId" TEXT NULL,
    "CorrectsRowId" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_ChangeTableRows_Classes_ClassId" FOREIGN KEY ("ClassId") REFERENCES "Classes" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ChangeTableRows_StudyPeriods_StudyPeriodId" FOREIGN KEY ("StudyPeriodId") REFERENCES "StudyPeriods" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_ChangeTableRows_ClassId_StudyPeriodId_Number" ON "ChangeTableRows" ("ClassId", "StudyPeriodId", "Number");

CREATE UNIQUE INDEX "IX_ChangeTableRows_CorrectionEntryId" ON "ChangeTableRows" ("CorrectionEntryId");

CREATE INDEX "IX_ChangeTableRows_SchoolId" ON "ChangeTableRows" ("SchoolId");

CREATE INDEX "IX_ChangeTableRows_StudyPeriodId" ON "ChangeTableRows" ("StudyPeriodId");

CREATE TABLE "ChangeTableCounters" (
    "ClassId" TEXT NOT NULL,
    "StudyPeriodId" TEXT NOT NULL,
    "SchoolId" TEXT NOT NULL,
    "Last" INTEGER NOT NULL,
    CONSTRAINT "PK_ChangeTableCounters" PRIMARY KEY ("ClassId", "StudyPeriodId")
);

CREATE INDEX "IX_ChangeTableCounters_SchoolId" ON "ChangeTableCounters" ("SchoolId");

CREATE TABLE "ExternalJournalLinks" (
    "SchoolId" TEXT NOT NULL,
    "LocalType" TEXT NOT NULL,
    "LocalId" TEXT NOT NULL,
    "ExternalId" TEXT NOT NULL,
    CONSTRAINT "PK_ExternalJournalLinks" PRIMARY KEY ("SchoolId", "LocalType", "LocalId"),
    CONSTRAINT "FK_ExternalJournalLinks_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE CASCADE
);

CREATE TABLE "JournalApplyFailures" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_JournalApplyFailures" PRIMARY KEY,
    "SchoolId" TEXT NOT NULL,
    "RequestId" TEXT NOT NULL,
    "At" INTEGER NOT NULL,
    "MessageKey" TEXT NOT NULL,
    "Arguments" TEXT NOT NULL,
    CONSTRAINT "FK_JournalApplyFailures_CorrectionRequests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "CorrectionRequests" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_JournalApplyFailures_RequestId" ON "JournalApplyFailures" ("RequestId");

CREATE INDEX "IX_JournalApplyFailures_SchoolId" ON "JournalApplyFailures" ("SchoolId");
