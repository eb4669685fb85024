-- Printed documents as issued, for the verification their QR codes lead to.

CREATE TABLE "IssuedDocuments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_IssuedDocuments" PRIMARY KEY,
    "SchoolId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Number" TEXT NULL,
    "IssuedOn" TEXT NOT NULL,
    "TextSha256" TEXT NOT NULL,
    "RequestId" TEXT NULL,
    "IssuedById" TEXT NULL,
    "IssuedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_IssuedDocuments_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_IssuedDocuments_RequestId" ON "IssuedDocuments" ("RequestId");

CREATE INDEX "IX_IssuedDocuments_SchoolId" ON "IssuedDocuments" ("SchoolId");
