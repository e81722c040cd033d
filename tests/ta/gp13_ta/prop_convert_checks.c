/*
 * GP13_SUITE_PROP_CONVERT: what each getter makes of each kind of value
 * (GP's text model: a STRING converts when its text is the target's form),
 * TEE_ERROR_BAD_FORMAT when it cannot, the SHORT_BUFFER protocol of the
 * two buffer getters, and TEE_ERROR_ITEM_NOT_FOUND from every getter.
 * The properties are gp13_ta's own (user_ta_header_defines.h).
 */
#include <string.h>
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>

#include "checks.h"
#include "user_ta_header_defines.h"

#define TA TEE_PROPSET_CURRENT_TA

static TEE_Result as_u32(const char *name, uint32_t *v)
{
	*v = 0xdeadbeef;
	return TEE_GetPropertyAsU32(TA, name, v);
}

static TEE_Result as_u64(const char *name, uint64_t *v)
{
	*v = 0xdeadbeef;
	return TEE_GetPropertyAsU64(TA, name, v);
}

static void integers(struct checks *c)
{
	uint32_t v;
	uint64_t w;

	CHECK(c, as_u32("gp13.str.dec", &v) == TEE_SUCCESS && v == 4096);
	CHECK(c, as_u32("gp13.str.kilo", &v) == TEE_SUCCESS && v == 1024);
	CHECK(c, as_u32("gp13.str.mega", &v) == TEE_SUCCESS &&
			 v == 2 * 1024 * 1024);
	CHECK(c, as_u32("gp13.str.hex", &v) == TEE_SUCCESS && v == 0xcafef00d);
	CHECK(c, as_u32("gp13.str.bin", &v) == TEE_SUCCESS && v == 1024);
	/* 2^32 fits a U64 only; 2^64 fits nothing. */
	CHECK_RES(c, as_u32("gp13.str.big", &v), TEE_ERROR_BAD_FORMAT);
	CHECK(c,
	      as_u64("gp13.str.big", &w) == TEE_SUCCESS && w == 0x100000000ULL);
	CHECK(c,
	      as_u64("gp13.str.u64max", &w) == TEE_SUCCESS && w == UINT64_MAX);
	CHECK_RES(c, as_u64("gp13.str.u64over", &w), TEE_ERROR_BAD_FORMAT);
	CHECK_RES(c, as_u32("gp13.str.junk", &v), TEE_ERROR_BAD_FORMAT);
	CHECK_RES(c, as_u32("gp13.str.empty", &v), TEE_ERROR_BAD_FORMAT);
	CHECK_RES(c, as_u32("gp13.string", &v), TEE_ERROR_BAD_FORMAT);
	/* A U64 value converts to U32 only when it fits. */
	CHECK_RES(c, as_u32("gp13.u64", &v), TEE_ERROR_BAD_FORMAT);
	CHECK(c, as_u32("gp13.u64", &v) != TEE_SUCCESS && v == 0xdeadbeef);
	/* Other types are no integers. */
	CHECK_RES(c, as_u32("gp13.bool", &v), TEE_ERROR_BAD_FORMAT);
	CHECK_RES(c, as_u32("gp13.uuid", &v), TEE_ERROR_BAD_FORMAT);
	CHECK_RES(c, as_u64("gp13.identity", &w), TEE_ERROR_BAD_FORMAT);
	CHECK_RES(c, as_u64("gp13.binary", &w), TEE_ERROR_BAD_FORMAT);
}

static void booleans(struct checks *c)
{
	bool b = false;

	CHECK(c,
	      TEE_GetPropertyAsBool(TA, "gp13.str.true", &b) == TEE_SUCCESS &&
		      b); /* "TRUE": any case */
	CHECK(c,
	      TEE_GetPropertyAsBool(TA, "gp13.str.false", &b) == TEE_SUCCESS &&
		      !b);
	CHECK_RES(c, TEE_GetPropertyAsBool(TA, "gp13.string", &b),
		  TEE_ERROR_BAD_FORMAT);
	CHECK_RES(c, TEE_GetPropertyAsBool(TA, "gp13.u32", &b),
		  TEE_ERROR_BAD_FORMAT);
	CHECK_RES(c, TEE_GetPropertyAsBool(TA, "gp13.str.empty", &b),
		  TEE_ERROR_BAD_FORMAT);
}

static void uuids_and_identities(struct checks *c)
{
	static const TEE_UUID me = GP13_TA_UUID, ext = GP13_EXT_UUID;
	TEE_Identity id;
	TEE_UUID u;

	CHECK(c,
	      TEE_GetPropertyAsUUID(TA, "gp13.str.uuid", &u) == TEE_SUCCESS &&
		      !memcmp(&u, &me, sizeof(u)));
	CHECK_RES(c, TEE_GetPropertyAsUUID(TA, "gp13.string", &u),
		  TEE_ERROR_BAD_FORMAT);
	CHECK_RES(c, TEE_GetPropertyAsUUID(TA, "gp13.u32", &u),
		  TEE_ERROR_BAD_FORMAT);
	CHECK_RES(c, TEE_GetPropertyAsUUID(TA, "gp13.identity", &u),
		  TEE_ERROR_BAD_FORMAT);

	memset(&id, 0xa5, sizeof(id));
	CHECK(c, TEE_GetPropertyAsIdentity(TA, "gp13.str.identity", &id) ==
				 TEE_SUCCESS &&
			 id.login == TEE_LOGIN_TRUSTED_APP &&
			 !memcmp(&id.uuid, &ext, sizeof(ext)));
	/* integer alone: the nil UUID. */
	memset(&id, 0xa5, sizeof(id));
	CHECK(c, TEE_GetPropertyAsIdentity(TA, "gp13.str.login", &id) ==
				 TEE_SUCCESS &&
			 id.login == TEE_LOGIN_USER &&
			 !memcmp(&id.uuid, &(TEE_UUID){0}, sizeof(id.uuid)));
	CHECK_RES(c, TEE_GetPropertyAsIdentity(TA, "gp13.string", &id),
		  TEE_ERROR_BAD_FORMAT);
	CHECK_RES(c, TEE_GetPropertyAsIdentity(TA, "gp13.uuid", &id),
		  TEE_ERROR_BAD_FORMAT);
	CHECK_RES(c, TEE_GetPropertyAsIdentity(TA, "gp13.str.uuid", &id),
		  TEE_ERROR_BAD_FORMAT);
}

static void binary_blocks(struct checks *c)
{
	uint8_t buf[32];
	size_t len;

	/* SHORT_BUFFER with the size needed, also for a NULL buffer. */
	len = 4;
	CHECK(c, TEE_GetPropertyAsBinaryBlock(TA, "gp13.binary", buf, &len) ==
				 TEE_ERROR_SHORT_BUFFER &&
			 len == 12);
	len = 0;
	CHECK(c, TEE_GetPropertyAsBinaryBlock(TA, "gp13.binary", NULL, &len) ==
				 TEE_ERROR_SHORT_BUFFER &&
			 len == 12);
	len = 11;
	CHECK_RES(c, TEE_GetPropertyAsBinaryBlock(TA, "gp13.binary", buf, &len),
		  TEE_ERROR_SHORT_BUFFER);
	len = 12;
	memset(buf, 0, sizeof(buf));
	CHECK(c, TEE_GetPropertyAsBinaryBlock(TA, "gp13.binary", buf, &len) ==
				 TEE_SUCCESS &&
			 len == 12 && !memcmp(buf, "Hello world!", 12));
	len = sizeof(buf);
	CHECK(c, TEE_GetPropertyAsBinaryBlock(TA, "gp13.binary.empty", buf,
					      &len) == TEE_SUCCESS &&
			 len == 0);
	len = sizeof(buf);
	CHECK_RES(
		c,
		TEE_GetPropertyAsBinaryBlock(TA, "gp13.binary.bad", buf, &len),
		TEE_ERROR_BAD_FORMAT);
	/* A STRING in Base64 decodes; one that is not gives BAD_FORMAT. */
	len = sizeof(buf);
	CHECK(c, TEE_GetPropertyAsBinaryBlock(TA, "gp13.str.base64", buf,
					      &len) == TEE_SUCCESS &&
			 len == 5 && !memcmp(buf, "hello", 5));
	len = sizeof(buf);
	CHECK_RES(c, TEE_GetPropertyAsBinaryBlock(TA, "gp13.string", buf, &len),
		  TEE_ERROR_BAD_FORMAT);
	len = sizeof(buf);
	CHECK_RES(c, TEE_GetPropertyAsBinaryBlock(TA, "gp13.u32", buf, &len),
		  TEE_ERROR_BAD_FORMAT);
	len = sizeof(buf);
	CHECK_RES(c, TEE_GetPropertyAsBinaryBlock(TA, "gp13.bool", buf, &len),
		  TEE_ERROR_BAD_FORMAT);
}

static void strings(struct checks *c)
{
	char buf[160];
	size_t len, need = sizeof(GP13_LONG_STRING);

	/* GP's SHORT_BUFFER protocol on a value longer than 100 bytes. */
	len = 1;
	CHECK(c, TEE_GetPropertyAsString(TA, "gp13.str.long", buf, &len) ==
				 TEE_ERROR_SHORT_BUFFER &&
			 len == need);
	len = 0;
	CHECK(c, TEE_GetPropertyAsString(TA, "gp13.str.long", NULL, &len) ==
				 TEE_ERROR_SHORT_BUFFER &&
			 len == need);
	len = need;
	CHECK(c, TEE_GetPropertyAsString(TA, "gp13.str.long", buf, &len) ==
				 TEE_SUCCESS &&
			 len == need && !strcmp(buf, GP13_LONG_STRING));
	/* An empty value is one byte: the NUL. */
	len = 1;
	CHECK(c, TEE_GetPropertyAsString(TA, "gp13.str.empty", buf, &len) ==
				 TEE_SUCCESS &&
			 len == 1 && !buf[0]);
	len = 0;
	CHECK(c, TEE_GetPropertyAsString(TA, "gp13.str.empty", NULL, &len) ==
				 TEE_ERROR_SHORT_BUFFER &&
			 len == 1);
	/* A binary block that is not Base64 still has its text. */
	len = sizeof(buf);
	CHECK(c, TEE_GetPropertyAsString(TA, "gp13.binary.bad", buf, &len) ==
				 TEE_SUCCESS &&
			 !strcmp(buf, "SGV$bG8="));
}

/* Every getter says ITEM_NOT_FOUND for a name no set has. */
static void not_found(struct checks *c)
{
	static const TEE_PropSetHandle sets[] = {
		TEE_PROPSET_CURRENT_TA, TEE_PROPSET_CURRENT_CLIENT,
		TEE_PROPSET_TEE_IMPLEMENTATION};
	const char *n = "gp13.no.such.property";

	for (size_t i = 0; i < sizeof(sets) / sizeof(sets[0]); i++) {
		TEE_PropSetHandle s = sets[i];
		char str[8];
		uint8_t bin[8];
		size_t len = sizeof(str);
		TEE_Identity id;
		TEE_UUID u;
		uint64_t w;
		uint32_t v;
		bool b;

		CHECK_RES(c, TEE_GetPropertyAsString(s, n, str, &len),
			  TEE_ERROR_ITEM_NOT_FOUND);
		CHECK_RES(c, TEE_GetPropertyAsBool(s, n, &b),
			  TEE_ERROR_ITEM_NOT_FOUND);
		CHECK_RES(c, TEE_GetPropertyAsU32(s, n, &v),
			  TEE_ERROR_ITEM_NOT_FOUND);
		CHECK_RES(c, TEE_GetPropertyAsU64(s, n, &w),
			  TEE_ERROR_ITEM_NOT_FOUND);
		len = sizeof(bin);
		CHECK_RES(c, TEE_GetPropertyAsBinaryBlock(s, n, bin, &len),
			  TEE_ERROR_ITEM_NOT_FOUND);
		CHECK_RES(c, TEE_GetPropertyAsUUID(s, n, &u),
			  TEE_ERROR_ITEM_NOT_FOUND);
		CHECK_RES(c, TEE_GetPropertyAsIdentity(s, n, &id),
			  TEE_ERROR_ITEM_NOT_FOUND);
	}
}

void gp13_prop_convert_checks(struct checks *c)
{
	integers(c);
	booleans(c);
	uuids_and_identities(c);
	binary_blocks(c);
	strings(c);
	not_found(c);
}
