/** The spec `specsmith init` writes as specs/<name>/openapi.yaml: small, valid, and a starting point to edit. */
export function sampleSpec(title: string): string {
  return `openapi: 3.1.0
info:
  title: ${JSON.stringify(title)}
  version: 1.0.0
  description: A sample API written by \`specsmith init\`. Replace it with your own.
servers:
  - url: https://api.example.com/v1
security:
  - bearerAuth: []
tags:
  - name: Notes
    description: Short text notes.
paths:
  /notes:
    get:
      operationId: listNotes
      tags: [Notes]
      summary: List notes
      parameters:
        - { name: limit, in: query, description: How many notes to return., schema: { type: integer, minimum: 1, maximum: 100 } }
      responses:
        '200':
          description: The notes.
          content:
            application/json:
              schema:
                type: array
                items: { $ref: '#/components/schemas/Note' }
        '401': { $ref: '#/components/responses/Error' }
    post:
      operationId: createNote
      tags: [Notes]
      summary: Create a note
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [text]
              properties:
                text: { type: string, maxLength: 1000 }
      responses:
        '201':
          description: The new note.
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Note' }
        '401': { $ref: '#/components/responses/Error' }
  /notes/{note_id}:
    get:
      operationId: getNote
      tags: [Notes]
      summary: Get a note
      parameters:
        - { name: note_id, in: path, required: true, description: The note's id., schema: { type: string } }
      responses:
        '200':
          description: The note.
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Note' }
        '404': { $ref: '#/components/responses/Error' }
components:
  securitySchemes:
    bearerAuth: { type: http, scheme: bearer }
  responses:
    Error:
      description: An error.
      content:
        application/json:
          schema: { $ref: '#/components/schemas/Error' }
  schemas:
    Note:
      type: object
      required: [id, text]
      properties:
        id: { type: string }
        text: { type: string }
    Error:
      type: object
      required: [message]
      properties:
        message: { type: string }
`;
}
