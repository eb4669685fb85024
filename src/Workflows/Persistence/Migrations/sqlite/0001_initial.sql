CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "Surname" TEXT NOT NULL,
    "GivenName" TEXT NOT NULL,
    "Patronymic" TEXT NULL,
    "IsDemo" INTEGER NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);


CREATE TABLE "Municipalities" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Municipalities" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "DepartmentName" TEXT NOT NULL,
    "DepartmentAddress" TEXT NULL,
    "DepartmentEmail" TEXT NULL
);


CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Schools" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Schools" PRIMARY KEY,
    "MunicipalityId" TEXT NOT NULL,
    "FullName" TEXT NOT NULL,
    "ShortName" TEXT NOT NULL,
    "Address" TEXT NOT NULL,
    "Phone" TEXT NULL,
    "Email" TEXT NULL,
    "Inn" TEXT NULL,
    "Kpp" TEXT NULL,
    "Ogrn" TEXT NULL,
    "TimeZoneId" TEXT NOT NULL,
    CONSTRAINT "FK_Schools_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "RoleAssignments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RoleAssignments" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "SchoolId" TEXT NULL,
    "MunicipalityId" TEXT NULL,
    CONSTRAINT "FK_RoleAssignments_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_RoleAssignments_Municipalities_MunicipalityId" FOREIGN KEY ("MunicipalityId") REFERENCES "Municipalities" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RoleAssignments_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "SchoolYears" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SchoolYears" PRIMARY KEY,
    "SchoolId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "StartDate" TEXT NOT NULL,
    "EndDate" TEXT NOT NULL,
    "PeriodKind" TEXT NOT NULL,
    CONSTRAINT "FK_SchoolYears_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "Subjects" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Subjects" PRIMARY KEY,
    "SchoolId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    CONSTRAINT "FK_Subjects_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "Classes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Classes" PRIMARY KEY,
    "SchoolId" TEXT NOT NULL,
    "SchoolYearId" TEXT NOT NULL,
    "Grade" INTEGER NOT NULL,
    "Letter" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    CONSTRAINT "FK_Classes_SchoolYears_SchoolYearId" FOREIGN KEY ("SchoolYearId") REFERENCES "SchoolYears" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Classes_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "StudyPeriods" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_StudyPeriods" PRIMARY KEY,
    "SchoolId" TEXT NOT NULL,
    "SchoolYearId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "StartDate" TEXT NOT NULL,
    "EndDate" TEXT NOT NULL,
    CONSTRAINT "FK_StudyPeriods_SchoolYears_SchoolYearId" FOREIGN KEY ("SchoolYearId") REFERENCES "SchoolYears" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_StudyPeriods_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "Students" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Students" PRIMARY KEY,
    "SchoolId" TEXT NOT NULL,
    "ClassId" TEXT NOT NULL,
    "Surname" TEXT NOT NULL,
    "GivenName" TEXT NOT NULL,
    "Patronymic" TEXT NULL,
    CONSTRAINT "FK_Students_Classes_ClassId" FOREIGN KEY ("ClassId") REFERENCES "Classes" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Students_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "TeachingAssignments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_TeachingAssignments" PRIMARY KEY,
    "SchoolId" TEXT NOT NULL,
    "TeacherId" TEXT NOT NULL,
    "ClassId" TEXT NOT NULL,
    "SubjectId" TEXT NOT NULL,
    CONSTRAINT "FK_TeachingAssignments_AspNetUsers_TeacherId" FOREIGN KEY ("TeacherId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_TeachingAssignments_Classes_ClassId" FOREIGN KEY ("ClassId") REFERENCES "Classes" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_TeachingAssignments_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_TeachingAssignments_Subjects_SubjectId" FOREIGN KEY ("SubjectId") REFERENCES "Subjects" ("Id") ON DELETE RESTRICT
);


CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");


CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");


CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");


CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");


CREATE INDEX "IX_Classes_SchoolId" ON "Classes" ("SchoolId");


CREATE UNIQUE INDEX "IX_Classes_SchoolYearId_Name" ON "Classes" ("SchoolYearId", "Name");


CREATE UNIQUE INDEX "IX_Municipalities_Name" ON "Municipalities" ("Name");


CREATE INDEX "IX_RoleAssignments_MunicipalityId" ON "RoleAssignments" ("MunicipalityId");


CREATE INDEX "IX_RoleAssignments_SchoolId" ON "RoleAssignments" ("SchoolId");


CREATE INDEX "IX_RoleAssignments_UserId_Role_SchoolId_MunicipalityId" ON "RoleAssignments" ("UserId", "Role", "SchoolId", "MunicipalityId");


CREATE UNIQUE INDEX "IX_Schools_MunicipalityId_ShortName" ON "Schools" ("MunicipalityId", "ShortName");


CREATE UNIQUE INDEX "IX_SchoolYears_SchoolId_Name" ON "SchoolYears" ("SchoolId", "Name");


CREATE INDEX "IX_Students_ClassId" ON "Students" ("ClassId");


CREATE INDEX "IX_Students_SchoolId_ClassId" ON "Students" ("SchoolId", "ClassId");


CREATE INDEX "IX_StudyPeriods_SchoolId" ON "StudyPeriods" ("SchoolId");


CREATE UNIQUE INDEX "IX_StudyPeriods_SchoolYearId_Number" ON "StudyPeriods" ("SchoolYearId", "Number");


CREATE UNIQUE INDEX "IX_Subjects_SchoolId_Name" ON "Subjects" ("SchoolId", "Name");


CREATE UNIQUE INDEX "IX_TeachingAssignments_ClassId_SubjectId_TeacherId" ON "TeachingAssignments" ("ClassId", "SubjectId", "TeacherId");


CREATE INDEX "IX_TeachingAssignments_SchoolId" ON "TeachingAssignments" ("SchoolId");


CREATE INDEX "IX_TeachingAssignments_SubjectId" ON "TeachingAssignments" ("SubjectId");


CREATE INDEX "IX_TeachingAssignments_TeacherId" ON "TeachingAssignments" ("TeacherId");


