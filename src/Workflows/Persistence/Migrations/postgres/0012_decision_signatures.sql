-- Decisions confirmed by re-entering the password (a simple electronic signature), with the hash of the text signed.

CREATE TABLE "DecisionSignatures" (
    "Id" uuid NOT NULL,
    "SchoolId" uuid NOT NULL,
    "RequestId" uuid NOT NULL,
    "SignerId" uuid NOT NULL,
    "Action" character varying(64) NOT NULL,
    "Revision" integer NOT NULL,
    "DocumentSha256" character varying(64) NOT NULL,
    "SignedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_DecisionSignatures" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_DecisionSignatures_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_DecisionSignatures_RequestId" ON "DecisionSignatures" ("RequestId");

CREATE INDEX "IX_DecisionSignatures_SchoolId" ON "DecisionSignatures" ("SchoolId");
