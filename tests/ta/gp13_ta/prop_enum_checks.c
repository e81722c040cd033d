/*
 * GP13_SUITE_PROP_ENUM: property enumerators. Each set is walked to its
 * end; every name must come once, and the getters with the enumerator
 * (name ignored) must give what they give for the name.
 */
#include <string.h>
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>
#include <user_ta_header.h>

#include <gp13_ta.h>

#include "checks.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static const char *const tee_names[] = {
	"gpd.tee.apiversion",
	"gpd.tee.internalCore.version",
	"gpd.tee.description",
	"gpd.tee.deviceID",
	"gpd.tee.systemTime.protectionLevel",
	"gpd.tee.TAPersistentTime.protectionLevel",
	"gpd.tee.arith.maxBigIntSize",
	"gpd.tee.cryptography.ecc",
	"gpd.tee.cryptography.nist",
	"gpd.tee.trustedStorage.antiRollback.protectionLevel",
	"gpd.tee.trustedos.implementation.version",
	"gpd.tee.trustedos.implementation.binaryversion",
	"gpd.tee.trustedos.manufacturer",
	"gpd.tee.firmware.implementation.version",
	"gpd.tee.firmware.implementation.binaryversion",
	"gpd.tee.firmware.manufacturer",
};

static const char *const client_names[] = {
	"gpd.client.identity",
	"gpd.client.endian",
};

static const char *const ta_names[] = {
	"gpd.ta.appID",	       "gpd.ta.singleInstance",
	"gpd.ta.multiSession", "gpd.ta.instanceKeepAlive",
	"gpd.ta.dataSize",     "gpd.ta.stackSize",
	"gpd.ta.version",      "gpd.ta.description",
	"gpd.ta.endian",       "gp13.bool",
	"gp13.str.long",
};

static int name_index(const char *const *names, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(names[i], name))
			return (int)i;
	return -1;
}

/* The enumerator's current value as a string equals the named lookup's. */
static bool same_value(TEE_PropSetHandle e, TEE_PropSetHandle set,
		       const char *name)
{
	char a[160], b[160];
	size_t la = sizeof(a), lb = sizeof(b);

	/* A bogus name: with an enumerator the name is ignored. */
	return TEE_GetPropertyAsString(e, "no.such.property", a, &la) ==
		       TEE_SUCCESS &&
	       TEE_GetPropertyAsString(set, name, b, &lb) == TEE_SUCCESS &&
	       la == lb && !strcmp(a, b);
}

/*
 * Walks @set with @e: @n names expected (@names: each exactly once; more
 * names allowed when @exact is false). Returns how many were seen.
 */
static size_t walk(struct checks *c, TEE_PropSetHandle e, TEE_PropSetHandle set,
		   const char *const *names, size_t n, bool exact)
{
	uint32_t seen_mask = 0, dup = 0;
	size_t count = 0, mismatches = 0;
	char name[80];
	size_t len;
	TEE_Result res;

	TEE_StartPropertyEnumerator(e, set);
	do {
		int i;

		len = sizeof(name);
		res = TEE_GetPropertyName(e, name, &len);
		if (res != TEE_SUCCESS) {
			check_res(c, res, TEE_SUCCESS, __LINE__,
				  "TEE_GetPropertyName while walking");
			break;
		}
		count++;
		i = name_index(names, n, name);
		if (i >= 0) {
			dup |= seen_mask & 1u << i;
			seen_mask |= 1u << i;
		} else if (exact) {
			mismatches++;
			EMSG("unexpected property %s", name);
		}
		if (len != strlen(name) + 1 || !same_value(e, set, name)) {
			mismatches++;
			EMSG("enumerated %s differs from its lookup", name);
		}
		res = TEE_GetNextProperty(e);
	} while (res == TEE_SUCCESS && count < 500);
	CHECK_RES(c, res, TEE_ERROR_ITEM_NOT_FOUND);
	CHECK(c, seen_mask == (1u << n) - 1 && !dup);
	CHECK(c, !mismatches);
	return count;
}

/* After the end: nothing, and GetNextProperty keeps saying so. */
static void at_end(struct checks *c, TEE_PropSetHandle e)
{
	char s[80];
	size_t len = sizeof(s);
	uint32_t v;

	CHECK_RES(c, TEE_GetPropertyName(e, s, &len), TEE_ERROR_ITEM_NOT_FOUND);
	len = sizeof(s);
	CHECK_RES(c, TEE_GetPropertyAsString(e, NULL, s, &len),
		  TEE_ERROR_ITEM_NOT_FOUND);
	CHECK_RES(c, TEE_GetPropertyAsU32(e, NULL, &v),
		  TEE_ERROR_ITEM_NOT_FOUND);
	CHECK_RES(c, TEE_GetNextProperty(e), TEE_ERROR_ITEM_NOT_FOUND);
}

/* Moves e (started on the TA set) to @name; false if never found. */
static bool seek(TEE_PropSetHandle e, const char *want)
{
	char name[80];
	size_t len;

	TEE_StartPropertyEnumerator(e, TEE_PROPSET_CURRENT_TA);
	do {
		len = sizeof(name);
		if (TEE_GetPropertyName(e, name, &len) != TEE_SUCCESS)
			return false;
		if (!strcmp(name, want))
			return true;
	} while (TEE_GetNextProperty(e) == TEE_SUCCESS);
	return false;
}

static void typed_getters(struct checks *c, TEE_PropSetHandle e)
{
	static const TEE_UUID me = GP13_TA_UUID;
	TEE_Identity id;
	TEE_UUID u;
	uint8_t bin[16];
	size_t len = sizeof(bin);
	uint64_t v64 = 0;
	uint32_t v = 0;
	bool b = false;

	CHECK(c, seek(e, "gpd.ta.singleInstance") &&
			 TEE_GetPropertyAsBool(e, "x", &b) == TEE_SUCCESS && b);
	CHECK(c, seek(e, "gpd.ta.dataSize") &&
			 TEE_GetPropertyAsU32(e, NULL, &v) == TEE_SUCCESS &&
			 v == 64 * 1024);
	CHECK(c, seek(e, "gp13.u64") &&
			 TEE_GetPropertyAsU64(e, NULL, &v64) == TEE_SUCCESS &&
			 v64 == 0x123456789abcdef0ULL);
	CHECK(c, seek(e, "gpd.ta.appID") &&
			 TEE_GetPropertyAsUUID(e, NULL, &u) == TEE_SUCCESS &&
			 !memcmp(&u, &me, sizeof(u)));
	CHECK(c,
	      seek(e, "gp13.identity") &&
		      TEE_GetPropertyAsIdentity(e, NULL, &id) == TEE_SUCCESS &&
		      id.login == TEE_LOGIN_TRUSTED_APP);
	CHECK(c, seek(e, "gp13.binary") &&
			 TEE_GetPropertyAsBinaryBlock(e, NULL, bin, &len) ==
				 TEE_SUCCESS &&
			 len == 12 && !memcmp(bin, "Hello world!", 12));
	/* Conversion errors come through an enumerator as well. */
	CHECK(c, seek(e, "gp13.string") && TEE_GetPropertyAsU32(e, NULL, &v) ==
						   TEE_ERROR_BAD_FORMAT);
}

void gp13_prop_enum_checks(struct checks *c)
{
	TEE_PropSetHandle e = TEE_HANDLE_NULL, f = TEE_HANDLE_NULL;
	char s[80];
	size_t len = sizeof(s), n;
	uint32_t v;

	CHECK_RES(c, TEE_AllocatePropertyEnumerator(&e), TEE_SUCCESS);
	CHECK_RES(c, TEE_AllocatePropertyEnumerator(&f), TEE_SUCCESS);
	if (!e || !f || e == f) {
		CHECK(c, e && f && e != f);
		return;
	}
	/* Not started: nothing to see. */
	CHECK_RES(c, TEE_GetPropertyName(e, s, &len), TEE_ERROR_ITEM_NOT_FOUND);
	CHECK_RES(c, TEE_GetNextProperty(e), TEE_ERROR_ITEM_NOT_FOUND);
	CHECK_RES(c, TEE_GetPropertyAsU32(e, NULL, &v),
		  TEE_ERROR_ITEM_NOT_FOUND);

	n = walk(c, e, TEE_PROPSET_TEE_IMPLEMENTATION, tee_names,
		 ARRAY_SIZE(tee_names), true);
	CHECK(c, n == ARRAY_SIZE(tee_names));
	at_end(c, e);
	n = walk(c, e, TEE_PROPSET_CURRENT_CLIENT, client_names,
		 ARRAY_SIZE(client_names), true);
	CHECK(c, n == ARRAY_SIZE(client_names));
	at_end(c, e);
	/* The TA set: ta_props[] and gpd.ta.appID. */
	n = walk(c, e, TEE_PROPSET_CURRENT_TA, ta_names, ARRAY_SIZE(ta_names),
		 false);
	CHECK(c, n == ta_num_props + 1);
	at_end(c, e);

	/* Name buffer protocol on the first TEE property. */
	TEE_StartPropertyEnumerator(e, TEE_PROPSET_TEE_IMPLEMENTATION);
	len = 5;
	CHECK(c, TEE_GetPropertyName(e, s, &len) == TEE_ERROR_SHORT_BUFFER &&
			 len == sizeof("gpd.tee.apiversion"));
	len = 0;
	CHECK(c, TEE_GetPropertyName(e, NULL, &len) == TEE_ERROR_SHORT_BUFFER &&
			 len == sizeof("gpd.tee.apiversion"));
	CHECK(c, TEE_GetPropertyName(e, s, &len) == TEE_SUCCESS &&
			 !strcmp(s, "gpd.tee.apiversion"));

	/* Two enumerators move independently. */
	TEE_StartPropertyEnumerator(f, TEE_PROPSET_CURRENT_CLIENT);
	CHECK_RES(c, TEE_GetNextProperty(e), TEE_SUCCESS);
	len = sizeof(s);
	CHECK(c, TEE_GetPropertyName(f, s, &len) == TEE_SUCCESS &&
			 !strcmp(s, "gpd.client.identity"));
	len = sizeof(s);
	CHECK(c, TEE_GetPropertyName(e, s, &len) == TEE_SUCCESS &&
			 !strcmp(s, "gpd.tee.internalCore.version"));

	/* Reset: back to not started; Start again: the first property. */
	TEE_ResetPropertyEnumerator(e);
	len = sizeof(s);
	CHECK_RES(c, TEE_GetPropertyName(e, s, &len), TEE_ERROR_ITEM_NOT_FOUND);
	CHECK_RES(c, TEE_GetNextProperty(e), TEE_ERROR_ITEM_NOT_FOUND);
	TEE_StartPropertyEnumerator(e, TEE_PROPSET_TEE_IMPLEMENTATION);
	len = sizeof(s);
	CHECK(c, TEE_GetPropertyName(e, s, &len) == TEE_SUCCESS &&
			 !strcmp(s, "gpd.tee.apiversion"));

	typed_getters(c, e);

	TEE_FreePropertyEnumerator(f);
	TEE_FreePropertyEnumerator(e);
	TEE_FreePropertyEnumerator(TEE_HANDLE_NULL); /* does nothing */

	/* Many at once, all freed: the heap gives them back. */
	{
		TEE_PropSetHandle many[64];
		size_t ok = 0;

		for (size_t i = 0; i < ARRAY_SIZE(many); i++)
			ok += TEE_AllocatePropertyEnumerator(&many[i]) ==
			      TEE_SUCCESS;
		for (size_t i = 0; i < ok; i++)
			TEE_StartPropertyEnumerator(many[i],
						    TEE_PROPSET_CURRENT_TA);
		for (size_t i = ok; i-- > 0;)
			TEE_FreePropertyEnumerator(many[i]);
		CHECK(c, ok == ARRAY_SIZE(many));
	}
}
