-- Printed documents as issued, for the verification their QR codes lead to.

CREATE TABLE "IssuedDocuments" (
    "Id" uuid NOT NULL,
    "SchoolId" uuid NOT NULL,
    "Title" character varying(500) NOT NULL,
    "Number" character varying(100),
    "IssuedOn" date NOT NULL,
    "TextSha256" character varying(64) NOT NULL,
    "RequestId" uuid,
    "IssuedById" uuid,
    "IssuedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_IssuedDocuments" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_IssuedDocuments_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_IssuedDocuments_RequestId" ON "IssuedDocuments" ("RequestId");

CREATE INDEX "IX_IssuedDocuments_SchoolId" ON "IssuedDocuments" ("SchoolId");
