/*
 * GP property access (Internal Core API 1.3.1 §4.4), served in the TA:
 *   TEE_PROPSET_CURRENT_TA          the TA's ta_props[] (user_ta_header.c,
 *                                   with its TA_CURRENT_TA_EXT_PROPERTIES),
 *                                   then gpd.ta.appID from ta_head;
 *   TEE_PROPSET_CURRENT_CLIENT      gpd.client.identity, asked of the core
 *                                   at every access (a single-instance TA
 *                                   has one client per session), and
 *                                   gpd.client.endian;
 *   TEE_PROPSET_TEE_IMPLEMENTATION  a fixed table describing Rampart.
 * Enumerators are heap objects kept on a list, so a handle that is not a
 * live enumerator (freed, forged) panics the TA instead of being followed.
 *
 * Conversions follow GP's text model: every value has a string form
 * (property_text.c), and a STRING property converts to a Boolean, an
 * integer, a UUID, an identity or (Base64) a binary block when its text is
 * one. Other cross-type requests give TEE_ERROR_BAD_FORMAT.
 */
#include <stdio.h>
#include <string.h>
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>
#include <user_ta_header.h>

#include "property_text.h"
#include "utee_syscalls.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Rampart 0.1, as the core reports over SMC: major << 16 | minor. */
#define RAMPART_VERSION_STR "0.1"
static const uint32_t rampart_binary_version = 0 << 16 | 1;
static const uint32_t core_api_version = TEE_CORE_API_VERSION;
/* Neither the system counter nor the TA time offsets survive a reboot. */
static const uint32_t time_protection_level = 100;
static const uint32_t max_bigint_bits = 8192; /* tee_api_arith_internal.h ARITH_MAX_BITS */
static const uint32_t anti_rollback_level = 0;
static const bool yes = true;
static const uint32_t little_endian; /* 0 */
/*
 * QEMU virt has no per-device identity (no OTP, no hardware unique key),
 * so this is one fixed UUID for every Rampart system: honest rather than
 * unique.
 */
static const TEE_UUID device_id = {
	0x7a6e1c2d,
	0x5b3f,
	0x4e8a,
	{0x9c, 0x41, 0x2d, 0x6b, 0x0e, 0x77, 0x31, 0xa5}};

static const struct user_ta_property tee_props[] = {
	{"gpd.tee.apiversion", USER_TA_PROP_TYPE_STRING, "1.3.1"},
	{"gpd.tee.internalCore.version", USER_TA_PROP_TYPE_U32,
	 &core_api_version},
	{"gpd.tee.description", USER_TA_PROP_TYPE_STRING, "Rampart TEE"},
	{"gpd.tee.deviceID", USER_TA_PROP_TYPE_UUID, &device_id},
	{"gpd.tee.systemTime.protectionLevel", USER_TA_PROP_TYPE_U32,
	 &time_protection_level},
	{"gpd.tee.TAPersistentTime.protectionLevel", USER_TA_PROP_TYPE_U32,
	 &time_protection_level},
	{"gpd.tee.arith.maxBigIntSize", USER_TA_PROP_TYPE_U32,
	 &max_bigint_bits},
	{"gpd.tee.cryptography.ecc", USER_TA_PROP_TYPE_BOOL, &yes},
	{"gpd.tee.cryptography.nist", USER_TA_PROP_TYPE_BOOL, &yes},
	{"gpd.tee.trustedStorage.antiRollback.protectionLevel",
	 USER_TA_PROP_TYPE_U32, &anti_rollback_level},
	{"gpd.tee.trustedos.implementation.version", USER_TA_PROP_TYPE_STRING,
	 RAMPART_VERSION_STR},
	{"gpd.tee.trustedos.implementation.binaryversion",
	 USER_TA_PROP_TYPE_U32, &rampart_binary_version},
	{"gpd.tee.trustedos.manufacturer", USER_TA_PROP_TYPE_STRING, "Rampart"},
	{"gpd.tee.firmware.implementation.version", USER_TA_PROP_TYPE_STRING,
	 RAMPART_VERSION_STR},
	{"gpd.tee.firmware.implementation.binaryversion", USER_TA_PROP_TYPE_U32,
	 &rampart_binary_version},
	{"gpd.tee.firmware.manufacturer", USER_TA_PROP_TYPE_STRING, "Rampart"},
};

static TEE_Identity client_identity; /* refreshed at every access */
static const struct user_ta_property client_props[] = {
	{"gpd.client.identity", USER_TA_PROP_TYPE_IDENTITY, &client_identity},
	{"gpd.client.endian", USER_TA_PROP_TYPE_U32, &little_endian},
};

static const struct user_ta_property app_id = {
	"gpd.ta.appID", USER_TA_PROP_TYPE_UUID, &ta_head.uuid};

struct prop_enumerator {
	struct prop_enumerator *next;
	TEE_PropSetHandle set; /* NULL: not started */
	size_t idx;
};

static struct prop_enumerator *enumerators;

static bool is_propset(TEE_PropSetHandle h)
{
	return h == TEE_PROPSET_CURRENT_TA || h == TEE_PROPSET_CURRENT_CLIENT ||
	       h == TEE_PROPSET_TEE_IMPLEMENTATION;
}

/* The live enumerator behind h; anything else panics (GP). */
static struct prop_enumerator *enumerator_of(TEE_PropSetHandle h)
{
	for (struct prop_enumerator *e = enumerators; e; e = e->next)
		if ((TEE_PropSetHandle)e == h)
			return e;
	EMSG("%p is no property enumerator", (void *)h);
	TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
}

/* A pointer the caller wants written: NULL or not writable panics. */
static void check_out(void *p, size_t n)
{
	if (!p || TEE_CheckMemoryAccessRights(
			  TEE_MEMORY_ACCESS_WRITE | TEE_MEMORY_ACCESS_ANY_OWNER,
			  p, n) != TEE_SUCCESS)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
}

/* An [outbuf]/[outstring] pair: *len readable; buf writable for *len. */
static void check_outbuf(void *buf, const size_t *len)
{
	if (!len)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	if (*len)
		check_out(buf, *len);
}

static size_t set_size(TEE_PropSetHandle set)
{
	if (set == TEE_PROPSET_CURRENT_TA)
		return ta_num_props + 1;
	if (set == TEE_PROPSET_CURRENT_CLIENT)
		return ARRAY_SIZE(client_props);
	return ARRAY_SIZE(tee_props);
}

/* Entry i (< set_size) of a set; its value may still need loading. */
static const struct user_ta_property *set_entry(TEE_PropSetHandle set, size_t i)
{
	if (set == TEE_PROPSET_CURRENT_TA)
		return i < ta_num_props ? &ta_props[i] : &app_id;
	if (set == TEE_PROPSET_CURRENT_CLIENT)
		return &client_props[i];
	return &tee_props[i];
}

static TEE_Result load_value(const struct user_ta_property *p)
{
	struct utee_identity id;

	if (p != &client_props[0])
		return p->value ? TEE_SUCCESS : TEE_ERROR_BAD_FORMAT;
	/* ITEM_NOT_FOUND where there is no session (TA_DestroyEntryPoint). */
	if (_utee_get_client_id(&id) != TEE_SUCCESS)
		return TEE_ERROR_ITEM_NOT_FOUND;
	_Static_assert(sizeof(id) == sizeof(client_identity),
		       "struct utee_identity is TEE_Identity's layout");
	memcpy(&client_identity, &id, sizeof(id));
	return TEE_SUCCESS;
}

/*
 * The property named @name in a set, or an enumerator's current one
 * (@name ignored then), with its value loaded.
 */
static TEE_Result lookup(TEE_PropSetHandle h, const char *name,
			 const struct user_ta_property **out)
{
	const struct user_ta_property *p = NULL;

	if (is_propset(h)) {
		if (!name)
			TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
		for (size_t i = 0; i < set_size(h) && !p; i++) {
			const struct user_ta_property *e = set_entry(h, i);

			if (e->name && !strcmp(e->name, name))
				p = e;
		}
	} else {
		struct prop_enumerator *e = enumerator_of(h);

		if (e->set && e->idx < set_size(e->set))
			p = set_entry(e->set, e->idx);
	}
	if (!p)
		return TEE_ERROR_ITEM_NOT_FOUND;
	*out = p;
	return load_value(p);
}

/* The value as GP text, in tmp when it has to be printed; NULL: corrupt. */
static const char *as_text(const struct user_ta_property *p,
			   char tmp[PROP_IDENTITY_STR_LEN])
{
	switch (p->type) {
	case USER_TA_PROP_TYPE_BOOL:
		return *(const bool *)p->value ? "true" : "false";
	case USER_TA_PROP_TYPE_U32:
		snprintf(tmp, PROP_IDENTITY_STR_LEN, "%u",
			 (unsigned int)*(const uint32_t *)p->value);
		return tmp;
	case USER_TA_PROP_TYPE_U64:
		snprintf(tmp, PROP_IDENTITY_STR_LEN, "%llu",
			 (unsigned long long)*(const uint64_t *)p->value);
		return tmp;
	case USER_TA_PROP_TYPE_UUID:
		prop_uuid_to_str(tmp, p->value);
		return tmp;
	case USER_TA_PROP_TYPE_IDENTITY:
		prop_identity_to_str(tmp, p->value);
		return tmp;
	case USER_TA_PROP_TYPE_STRING:
	case USER_TA_PROP_TYPE_BINARY_BLOCK: /* already its Base64 text */
		return p->value;
	default:
		return NULL;
	}
}

/* Copies a NUL-terminated @s out, GP's SHORT_BUFFER protocol. */
static TEE_Result copy_string(const char *s, char *buf, size_t *len)
{
	size_t need = strlen(s) + 1;

	if (!buf || *len < need) {
		*len = need;
		return TEE_ERROR_SHORT_BUFFER;
	}
	memcpy(buf, s, need);
	*len = need;
	return TEE_SUCCESS;
}

static TEE_Result get_string(TEE_PropSetHandle h, const char *name, char *buf,
			     size_t *len)
{
	const struct user_ta_property *p = NULL;
	char tmp[PROP_IDENTITY_STR_LEN];
	const char *s;
	TEE_Result res;

	check_outbuf(buf, len);
	res = lookup(h, name, &p);
	if (res == TEE_ERROR_BAD_FORMAT)
		TEE_Panic(res); /* a property table entry without a value */
	if (res != TEE_SUCCESS)
		return res;
	s = as_text(p, tmp);
	if (!s)
		TEE_Panic(TEE_ERROR_BAD_FORMAT); /* unknown type in the table */
	return copy_string(s, buf, len);
}

TEE_Result TEE_GetPropertyAsString(TEE_PropSetHandle propsetOrEnumerator,
				   const char *name, char *valueBuffer,
				   size_t *valueBufferLen)
{
	return get_string(propsetOrEnumerator, name, valueBuffer,
			  valueBufferLen);
}

TEE_Result __GP11_TEE_GetPropertyAsString(TEE_PropSetHandle propsetOrEnumerator,
					  const char *name, char *valueBuffer,
					  uint32_t *valueBufferLen)
{
	size_t len;
	TEE_Result res;

	if (!valueBufferLen)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	len = *valueBufferLen;
	res = get_string(propsetOrEnumerator, name, valueBuffer, &len);
	*valueBufferLen = (uint32_t)len;
	return res;
}

TEE_Result TEE_GetPropertyAsBool(TEE_PropSetHandle propsetOrEnumerator,
				 const char *name, bool *value)
{
	const struct user_ta_property *p = NULL;
	TEE_Result res;

	check_out(value, sizeof(*value));
	res = lookup(propsetOrEnumerator, name, &p);
	if (res != TEE_SUCCESS)
		return res;
	if (p->type == USER_TA_PROP_TYPE_BOOL) {
		*value = *(const bool *)p->value;
		return TEE_SUCCESS;
	}
	if (p->type == USER_TA_PROP_TYPE_STRING &&
	    prop_parse_bool(p->value, value))
		return TEE_SUCCESS;
	return TEE_ERROR_BAD_FORMAT;
}

static TEE_Result get_uint(TEE_PropSetHandle h, const char *name, uint64_t max,
			   uint64_t *value)
{
	const struct user_ta_property *p = NULL;
	TEE_Result res = lookup(h, name, &p);

	if (res != TEE_SUCCESS)
		return res;
	switch (p->type) {
	case USER_TA_PROP_TYPE_U32:
		*value = *(const uint32_t *)p->value;
		return TEE_SUCCESS;
	case USER_TA_PROP_TYPE_U64:
		*value = *(const uint64_t *)p->value;
		return *value <= max ? TEE_SUCCESS : TEE_ERROR_BAD_FORMAT;
	case USER_TA_PROP_TYPE_STRING:
		return prop_parse_uint(p->value, max, value)
			       ? TEE_SUCCESS
			       : TEE_ERROR_BAD_FORMAT;
	default:
		return TEE_ERROR_BAD_FORMAT;
	}
}

TEE_Result TEE_GetPropertyAsU32(TEE_PropSetHandle propsetOrEnumerator,
				const char *name, uint32_t *value)
{
	uint64_t v = 0;
	TEE_Result res;

	check_out(value, sizeof(*value));
	res = get_uint(propsetOrEnumerator, name, UINT32_MAX, &v);
	if (res == TEE_SUCCESS)
		*value = (uint32_t)v;
	return res;
}

TEE_Result TEE_GetPropertyAsU64(TEE_PropSetHandle propsetOrEnumerator,
				const char *name, uint64_t *value)
{
	uint64_t v = 0;
	TEE_Result res;

	check_out(value, sizeof(*value));
	res = get_uint(propsetOrEnumerator, name, UINT64_MAX, &v);
	if (res == TEE_SUCCESS)
		*value = v;
	return res;
}

static TEE_Result get_binary(TEE_PropSetHandle h, const char *name, void *buf,
			     size_t *len)
{
	const struct user_ta_property *p = NULL;
	size_t need = 0;
	TEE_Result res;

	check_outbuf(buf, len);
	res = lookup(h, name, &p);
	if (res != TEE_SUCCESS)
		return res;
	if ((p->type != USER_TA_PROP_TYPE_BINARY_BLOCK &&
	     p->type != USER_TA_PROP_TYPE_STRING) ||
	    !prop_base64_decode(p->value, NULL, 0, &need))
		return TEE_ERROR_BAD_FORMAT;
	if (!buf || *len < need) {
		*len = need;
		return TEE_ERROR_SHORT_BUFFER;
	}
	prop_base64_decode(p->value, buf, *len, &need);
	*len = need;
	return TEE_SUCCESS;
}

TEE_Result TEE_GetPropertyAsBinaryBlock(TEE_PropSetHandle propsetOrEnumerator,
					const char *name, void *valueBuffer,
					size_t *valueBufferLen)
{
	return get_binary(propsetOrEnumerator, name, valueBuffer,
			  valueBufferLen);
}

TEE_Result
__GP11_TEE_GetPropertyAsBinaryBlock(TEE_PropSetHandle propsetOrEnumerator,
				    const char *name, void *valueBuffer,
				    uint32_t *valueBufferLen)
{
	size_t len;
	TEE_Result res;

	if (!valueBufferLen)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	len = *valueBufferLen;
	res = get_binary(propsetOrEnumerator, name, valueBuffer, &len);
	*valueBufferLen = (uint32_t)len;
	return res;
}

TEE_Result TEE_GetPropertyAsUUID(TEE_PropSetHandle propsetOrEnumerator,
				 const char *name, TEE_UUID *value)
{
	const struct user_ta_property *p = NULL;
	TEE_UUID u;
	TEE_Result res;

	check_out(value, sizeof(*value));
	res = lookup(propsetOrEnumerator, name, &p);
	if (res != TEE_SUCCESS)
		return res;
	if (p->type == USER_TA_PROP_TYPE_UUID) {
		*value = *(const TEE_UUID *)p->value;
		return TEE_SUCCESS;
	}
	if (p->type == USER_TA_PROP_TYPE_STRING &&
	    tee_uuid_from_str(&u, p->value) == TEE_SUCCESS) {
		*value = u;
		return TEE_SUCCESS;
	}
	return TEE_ERROR_BAD_FORMAT;
}

TEE_Result TEE_GetPropertyAsIdentity(TEE_PropSetHandle propsetOrEnumerator,
				     const char *name, TEE_Identity *value)
{
	const struct user_ta_property *p = NULL;
	TEE_Identity id;
	TEE_Result res;

	check_out(value, sizeof(*value));
	res = lookup(propsetOrEnumerator, name, &p);
	if (res != TEE_SUCCESS)
		return res;
	if (p->type == USER_TA_PROP_TYPE_IDENTITY) {
		*value = *(const TEE_Identity *)p->value;
		return TEE_SUCCESS;
	}
	if (p->type == USER_TA_PROP_TYPE_STRING &&
	    prop_parse_identity(p->value, &id)) {
		*value = id;
		return TEE_SUCCESS;
	}
	return TEE_ERROR_BAD_FORMAT;
}

TEE_Result TEE_AllocatePropertyEnumerator(TEE_PropSetHandle *enumerator)
{
	struct prop_enumerator *e;

	check_out(enumerator, sizeof(*enumerator));
	e = TEE_Malloc(sizeof(*e), TEE_MALLOC_FILL_ZERO);
	if (!e) {
		*enumerator = TEE_HANDLE_NULL;
		return TEE_ERROR_OUT_OF_MEMORY;
	}
	e->next = enumerators;
	enumerators = e;
	*enumerator = (TEE_PropSetHandle)e;
	return TEE_SUCCESS;
}

void TEE_FreePropertyEnumerator(TEE_PropSetHandle enumerator)
{
	struct prop_enumerator *e;

	if (enumerator == TEE_HANDLE_NULL)
		return; /* as TEE_Free(NULL) */
	e = enumerator_of(enumerator);
	for (struct prop_enumerator **l = &enumerators; *l; l = &(*l)->next)
		if (*l == e) {
			*l = e->next;
			break;
		}
	TEE_Free(e);
}

void TEE_StartPropertyEnumerator(TEE_PropSetHandle enumerator,
				 TEE_PropSetHandle propSet)
{
	struct prop_enumerator *e = enumerator_of(enumerator);

	if (!is_propset(propSet))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	e->set = propSet;
	e->idx = 0;
}

void TEE_ResetPropertyEnumerator(TEE_PropSetHandle enumerator)
{
	struct prop_enumerator *e = enumerator_of(enumerator);

	e->set = NULL;
	e->idx = 0;
}

static TEE_Result get_name(TEE_PropSetHandle enumerator, void *buf, size_t *len)
{
	struct prop_enumerator *e = enumerator_of(enumerator);
	const struct user_ta_property *p;

	check_outbuf(buf, len);
	if (!e->set || e->idx >= set_size(e->set))
		return TEE_ERROR_ITEM_NOT_FOUND;
	p = set_entry(e->set, e->idx);
	return copy_string(p->name ? p->name : "", buf, len);
}

TEE_Result TEE_GetPropertyName(TEE_PropSetHandle enumerator, void *nameBuffer,
			       size_t *nameBufferLen)
{
	return get_name(enumerator, nameBuffer, nameBufferLen);
}

TEE_Result __GP11_TEE_GetPropertyName(TEE_PropSetHandle enumerator,
				      void *nameBuffer, uint32_t *nameBufferLen)
{
	size_t len;
	TEE_Result res;

	if (!nameBufferLen)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	len = *nameBufferLen;
	res = get_name(enumerator, nameBuffer, &len);
	*nameBufferLen = (uint32_t)len;
	return res;
}

TEE_Result TEE_GetNextProperty(TEE_PropSetHandle enumerator)
{
	struct prop_enumerator *e = enumerator_of(enumerator);

	if (!e->set || e->idx >= set_size(e->set))
		return TEE_ERROR_ITEM_NOT_FOUND;
	e->idx++;
	return e->idx < set_size(e->set) ? TEE_SUCCESS
					 : TEE_ERROR_ITEM_NOT_FOUND;
}
