-- Decisions confirmed by re-entering the password (a simple electronic signature), with the hash of the text signed.

CREATE TABLE "DecisionSignatures" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DecisionSignatures" PRIMARY KEY,
    "SchoolId" TEXT NOT NULL,
    "RequestId" TEXT NOT NULL,
    "SignerId" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Revision" INTEGER NOT NULL,
    "DocumentSha256" TEXT NOT NULL,
    "SignedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_DecisionSignatures_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_DecisionSignatures_RequestId" ON "DecisionSignatures" ("RequestId");

CREATE INDEX "IX_DecisionSignatures_SchoolId" ON "DecisionSignatures" ("SchoolId");
