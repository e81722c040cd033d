/*
 * GP13_SUITE_PROPS_*: every property of the three sets by name, with its
 * value through the getter of its own type and as a string.
 */
#include <string.h>
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>

#include "checks.h"
#include "user_ta_header_defines.h"

#define TA TEE_PROPSET_CURRENT_TA
#define TEE TEE_PROPSET_TEE_IMPLEMENTATION
#define CLIENT TEE_PROPSET_CURRENT_CLIENT

/*
 * The string form is @want, and GP's SHORT_BUFFER protocol holds around its
 * exact size: one byte short fails with the size needed, exact succeeds.
 */
static void str_is(struct checks *c, TEE_PropSetHandle set, const char *name,
		   const char *want)
{
	char buf[160];
	size_t need = strlen(want) + 1, len = sizeof(buf);
	TEE_Result res;

	memset(buf, 0x55, sizeof(buf));
	res = TEE_GetPropertyAsString(set, name, buf, &len);
	check_res(c, res, TEE_SUCCESS, __LINE__, name);
	check_one(c, res == TEE_SUCCESS && len == need && !strcmp(buf, want),
		  __LINE__, name);
	len = need - 1;
	res = TEE_GetPropertyAsString(set, name, buf, &len);
	check_one(c, res == TEE_ERROR_SHORT_BUFFER && len == need, __LINE__,
		  name);
	len = need;
	res = TEE_GetPropertyAsString(set, name, buf, &len);
	check_one(c, res == TEE_SUCCESS && len == need && !strcmp(buf, want),
		  __LINE__, name);
}

static void u32_is(struct checks *c, TEE_PropSetHandle set, const char *name,
		   uint32_t want)
{
	uint32_t v = ~want;
	uint64_t v64 = 0;

	check_one(c,
		  TEE_GetPropertyAsU32(set, name, &v) == TEE_SUCCESS &&
			  v == want,
		  __LINE__, name);
	check_one(c,
		  TEE_GetPropertyAsU64(set, name, &v64) == TEE_SUCCESS &&
			  v64 == want,
		  __LINE__, name);
}

static void bool_is(struct checks *c, TEE_PropSetHandle set, const char *name,
		    bool want)
{
	bool v = !want;

	check_one(c,
		  TEE_GetPropertyAsBool(set, name, &v) == TEE_SUCCESS &&
			  v == want,
		  __LINE__, name);
	str_is(c, set, name, want ? "true" : "false");
}

static void uuid_is(struct checks *c, TEE_PropSetHandle set, const char *name,
		    const TEE_UUID *want, const char *text)
{
	TEE_UUID u;

	memset(&u, 0, sizeof(u));
	check_one(c,
		  TEE_GetPropertyAsUUID(set, name, &u) == TEE_SUCCESS &&
			  !memcmp(&u, want, sizeof(u)),
		  __LINE__, name);
	str_is(c, set, name, text);
}

static void not_found(struct checks *c, TEE_PropSetHandle set, const char *name)
{
	char s[8];
	size_t len = sizeof(s);
	uint32_t v;

	check_res(c, TEE_GetPropertyAsString(set, name, s, &len),
		  TEE_ERROR_ITEM_NOT_FOUND, __LINE__, name);
	check_res(c, TEE_GetPropertyAsU32(set, name, &v),
		  TEE_ERROR_ITEM_NOT_FOUND, __LINE__, name);
}

void gp13_props_ta_checks(struct checks *c)
{
	static const TEE_UUID me = GP13_TA_UUID, ext = GP13_EXT_UUID;
	TEE_Identity id;
	uint64_t v64 = 0;
	uint8_t bin[16];
	size_t len = sizeof(bin);

	uuid_is(c, TA, "gpd.ta.appID", &me,
		"40c51987-3c41-4c2c-8de6-3246fa4ef158");
	bool_is(c, TA, "gpd.ta.singleInstance", true);
	bool_is(c, TA, "gpd.ta.multiSession", true);
	bool_is(c, TA, "gpd.ta.instanceKeepAlive", false);
	bool_is(c, TA, "optee.ta.instanceKeepCrashed", false);
	bool_is(c, TA, "gpd.ta.doesNotCloseHandleOnCorruptObject", false);
	u32_is(c, TA, "gpd.ta.dataSize", TA_DATA_SIZE);
	str_is(c, TA, "gpd.ta.dataSize", "65536");
	u32_is(c, TA, "gpd.ta.stackSize", TA_STACK_SIZE);
	str_is(c, TA, "gpd.ta.stackSize", "4096");
	str_is(c, TA, "gpd.ta.version", TA_VERSION);
	str_is(c, TA, "gpd.ta.description", TA_DESCRIPTION);
	u32_is(c, TA, "gpd.ta.endian", 0);
	str_is(c, TA, "gpd.ta.endian", "0");

	/* TA_CURRENT_TA_EXT_PROPERTIES, one of each type. */
	bool_is(c, TA, "gp13.bool", true);
	u32_is(c, TA, "gp13.u32", 0x12345678);
	str_is(c, TA, "gp13.u32", "305419896");
	CHECK(c, TEE_GetPropertyAsU64(TA, "gp13.u64", &v64) == TEE_SUCCESS &&
			 v64 == 0x123456789abcdef0ULL);
	str_is(c, TA, "gp13.u64", "1311768467463790320");
	uuid_is(c, TA, "gp13.uuid", &ext,
		"01234567-89ab-cdef-0123-456789abcdef");
	memset(&id, 0, sizeof(id));
	CHECK(c, TEE_GetPropertyAsIdentity(TA, "gp13.identity", &id) ==
				 TEE_SUCCESS &&
			 id.login == TEE_LOGIN_TRUSTED_APP &&
			 !memcmp(&id.uuid, &ext, sizeof(ext)));
	/* GP: integer ':' uuid; the login in decimal, as OP-TEE prints it. */
	str_is(c, TA, "gp13.identity",
	       "4026531840:01234567-89ab-cdef-0123-456789abcdef");
	str_is(c, TA, "gp13.string", "Hello");
	CHECK(c, TEE_GetPropertyAsBinaryBlock(TA, "gp13.binary", bin, &len) ==
				 TEE_SUCCESS &&
			 len == 12 && !memcmp(bin, "Hello world!", 12));
	/* A binary block's string form is its Base64 text. */
	str_is(c, TA, "gp13.binary", "SGVsbG8gd29ybGQh");
	str_is(c, TA, "gp13.str.long", GP13_LONG_STRING);

	/* Names of the other sets are not in this one. */
	not_found(c, TA, "gpd.tee.description");
	not_found(c, TA, "gpd.client.endian");
	not_found(c, TA, "gpd.ta.appid"); /* names are case-sensitive */
	not_found(c, TA, "");
}

void gp13_props_tee_checks(struct checks *c)
{
	TEE_UUID dev, again;
	char text[40];
	size_t len = sizeof(text);

	str_is(c, TEE, "gpd.tee.apiversion", "1.3.1");
	u32_is(c, TEE, "gpd.tee.internalCore.version", 0x01030100);
	str_is(c, TEE, "gpd.tee.internalCore.version", "16974080");
	str_is(c, TEE, "gpd.tee.description", "Rampart TEE");
	/* A UUID, whose string form parses back to the same UUID. */
	CHECK_RES(c, TEE_GetPropertyAsUUID(TEE, "gpd.tee.deviceID", &dev),
		  TEE_SUCCESS);
	CHECK_RES(c,
		  TEE_GetPropertyAsString(TEE, "gpd.tee.deviceID", text, &len),
		  TEE_SUCCESS);
	CHECK(c, len == 37 && tee_uuid_from_str(&again, text) == TEE_SUCCESS &&
			 !memcmp(&dev, &again, sizeof(dev)));
	u32_is(c, TEE, "gpd.tee.systemTime.protectionLevel", 100);
	u32_is(c, TEE, "gpd.tee.TAPersistentTime.protectionLevel", 100);
	u32_is(c, TEE, "gpd.tee.arith.maxBigIntSize", 8192);
	bool_is(c, TEE, "gpd.tee.cryptography.ecc", true);
	bool_is(c, TEE, "gpd.tee.cryptography.nist", true);
	u32_is(c, TEE, "gpd.tee.trustedStorage.antiRollback.protectionLevel",
	       0);
	str_is(c, TEE, "gpd.tee.trustedos.implementation.version", "0.1");
	u32_is(c, TEE, "gpd.tee.trustedos.implementation.binaryversion", 1);
	str_is(c, TEE, "gpd.tee.trustedos.manufacturer", "Rampart");
	str_is(c, TEE, "gpd.tee.firmware.implementation.version", "0.1");
	u32_is(c, TEE, "gpd.tee.firmware.implementation.binaryversion", 1);
	str_is(c, TEE, "gpd.tee.firmware.manufacturer", "Rampart");

	not_found(c, TEE, "gpd.ta.appID");
	not_found(c, TEE, "gpd.client.identity");
	not_found(c, TEE, "gpd.tee.event.maxSources"); /* left out */
}

void gp13_props_client_checks(struct checks *c)
{
	TEE_Identity id;
	uint32_t v;
	bool b;

	/* tatest opens its sessions with TEEC_LOGIN_PUBLIC. */
	memset(&id, 0xa5, sizeof(id));
	CHECK_RES(c,
		  TEE_GetPropertyAsIdentity(CLIENT, "gpd.client.identity", &id),
		  TEE_SUCCESS);
	CHECK(c, id.login == TEE_LOGIN_PUBLIC);
	CHECK(c, !memcmp(&id.uuid, &(TEE_UUID){0}, sizeof(id.uuid)));
	str_is(c, CLIENT, "gpd.client.identity",
	       "0:00000000-0000-0000-0000-000000000000");
	u32_is(c, CLIENT, "gpd.client.endian", 0);
	str_is(c, CLIENT, "gpd.client.endian", "0");
	/* Conversions GP does not define. */
	CHECK_RES(c, TEE_GetPropertyAsU32(CLIENT, "gpd.client.identity", &v),
		  TEE_ERROR_BAD_FORMAT);
	CHECK_RES(c, TEE_GetPropertyAsBool(CLIENT, "gpd.client.endian", &b),
		  TEE_ERROR_BAD_FORMAT);
	not_found(c, CLIENT, "gpd.ta.appID");
	not_found(c, CLIENT, "gpd.client.login");
}
