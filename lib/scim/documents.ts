import { ENTERPRISE, GROUP_SCHEMA, LIST_SCHEMA, USER_SCHEMA } from "@/lib/scim/schemas";

// The static discovery documents (RFC 7644 §4, RFC 7643 §5–7): what Keel supports, so a provider
// can configure itself. They describe lib/scim/schemas.ts; keep the two in step.

type Attr = {
  name: string;
  type?: string;
  multiValued?: boolean;
  required?: boolean;
  mutability?: string;
  uniqueness?: string;
  subAttributes?: Attr[];
};

const attr = ({
  type = "string",
  multiValued = false,
  required = false,
  mutability = "readWrite",
  uniqueness = "none",
  ...rest
}: Attr): Record<string, unknown> => ({
  ...rest,
  ...(rest.subAttributes ? { subAttributes: rest.subAttributes.map(attr) } : {}),
  type: rest.subAttributes ? "complex" : type,
  multiValued,
  required,
  caseExact: false,
  mutability,
  returned: "default",
  uniqueness,
});

const multi = (name: string, sub: string[] = ["value", "type", "display"]): Attr => ({
  name,
  multiValued: true,
  subAttributes: [...sub.map((s) => ({ name: s })), { name: "primary", type: "boolean" }],
});

const USER_ATTRS: Attr[] = [
  { name: "userName", required: true, uniqueness: "server" },
  {
    name: "name",
    subAttributes: ["formatted", "familyName", "givenName", "middleName", "honorificPrefix", "honorificSuffix"].map((name) => ({ name })),
  },
  ...["displayName", "nickName", "profileUrl", "title", "userType", "preferredLanguage", "locale", "timezone"].map((name) => ({ name })),
  { name: "active", type: "boolean" },
  { name: "password", mutability: "writeOnly" },
  multi("emails"),
  multi("phoneNumbers"),
  multi("ims"),
  multi("photos"),
  multi("addresses", ["formatted", "streetAddress", "locality", "region", "postalCode", "country", "type"]),
  multi("entitlements"),
  multi("roles"),
  {
    name: "groups",
    multiValued: true,
    mutability: "readOnly",
    subAttributes: [{ name: "value" }, { name: "$ref", type: "reference" }, { name: "display" }],
  },
];

const ENTERPRISE_ATTRS: Attr[] = [
  ...["employeeNumber", "costCenter", "organization", "division", "department"].map((name) => ({ name })),
  {
    name: "manager",
    subAttributes: [{ name: "value" }, { name: "$ref", type: "reference" }, { name: "displayName", mutability: "readOnly" }],
  },
];

const GROUP_ATTRS: Attr[] = [
  { name: "displayName", required: true, uniqueness: "server" },
  {
    name: "members",
    multiValued: true,
    subAttributes: [{ name: "value", mutability: "immutable" }, { name: "$ref", type: "reference" }, { name: "display" }, { name: "type" }],
  },
];

const schema = (id: string, name: string, description: string, attributes: Attr[], base: string) => ({
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
  id,
  name,
  description,
  attributes: attributes.map(attr),
  meta: { resourceType: "Schema", location: `${base}/Schemas/${id}` },
});

export const schemaDocuments = (base: string) => [
  schema(USER_SCHEMA, "User", "User Account", USER_ATTRS, base),
  schema(ENTERPRISE, "EnterpriseUser", "Enterprise User (manager, department, cost centre)", ENTERPRISE_ATTRS, base),
  schema(GROUP_SCHEMA, "Group", "Group (mapped to a Keel role by name)", GROUP_ATTRS, base),
];

export const resourceTypeDocuments = (base: string) => [
  {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
    id: "User",
    name: "User",
    endpoint: "/Users",
    schema: USER_SCHEMA,
    schemaExtensions: [{ schema: ENTERPRISE, required: false }],
    meta: { resourceType: "ResourceType", location: `${base}/ResourceTypes/User` },
  },
  {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
    id: "Group",
    name: "Group",
    endpoint: "/Groups",
    schema: GROUP_SCHEMA,
    meta: { resourceType: "ResourceType", location: `${base}/ResourceTypes/Group` },
  },
];

export const serviceProviderConfig = (base: string) => ({
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
  patch: { supported: true },
  bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
  filter: { supported: true, maxResults: 200 },
  changePassword: { supported: false },
  sort: { supported: false },
  etag: { supported: true },
  authenticationSchemes: [
    {
      type: "oauthbearertoken",
      name: "OAuth Bearer Token",
      description: "An org API token with the scim scope, created in Settings → API tokens.",
      specUri: "https://www.rfc-editor.org/rfc/rfc6750",
      primary: true,
    },
  ],
  meta: { resourceType: "ServiceProviderConfig", location: `${base}/ServiceProviderConfig` },
});

/** A ListResponse of a whole static collection. */
export const staticList = (resources: unknown[]) => ({
  schemas: [LIST_SCHEMA],
  totalResults: resources.length,
  startIndex: 1,
  itemsPerPage: resources.length,
  Resources: resources,
});
