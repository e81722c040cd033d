/*
 * GP property getters (Internal Core API §4.4) for the property sets the TA
 * side can answer on its own:
 *   TEE_PROPSET_CURRENT_TA         the TA's ta_props[] (user_ta_header.c)
 *                                  plus gpd.ta.appID from ta_head;
 *   TEE_PROPSET_TEE_IMPLEMENTATION a fixed table describing Rampart;
 *   TEE_PROPSET_CURRENT_CLIENT     nothing yet (ITEM_NOT_FOUND): the core
 *                                  does not pass the client identity to
 *                                  TAs so far.
 * Enumerator handles are not supported (the TA panics, as GP prescribes
 * for an invalid handle).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>
#include <user_ta_header.h>

static const uint32_t tee_api_version_u32 = TEE_CORE_API_VERSION;

static const struct user_ta_property tee_props[] = {
	{"gpd.tee.apiversion", USER_TA_PROP_TYPE_STRING, "1.3.1"},
	{"gpd.tee.internalCore.version", USER_TA_PROP_TYPE_U32,
	 &tee_api_version_u32},
	{"gpd.tee.description", USER_TA_PROP_TYPE_STRING, "Rampart TEE"},
	{"gpd.tee.trustedos.manufacturer", USER_TA_PROP_TYPE_STRING, "Rampart"},
};

static TEE_Result find(TEE_PropSetHandle set, const char *name,
		       struct user_ta_property *out)
{
	const struct user_ta_property *tab;
	size_t n;

	if (set == TEE_PROPSET_CURRENT_TA) {
		tab = ta_props;
		n = ta_num_props;
		if (name && !strcmp(name, "gpd.ta.appID")) {
			out->name = name;
			out->type = USER_TA_PROP_TYPE_UUID;
			out->value = &ta_head.uuid;
			return TEE_SUCCESS;
		}
	} else if (set == TEE_PROPSET_TEE_IMPLEMENTATION) {
		tab = tee_props;
		n = sizeof(tee_props) / sizeof(tee_props[0]);
	} else if (set == TEE_PROPSET_CURRENT_CLIENT) {
		return TEE_ERROR_ITEM_NOT_FOUND;
	} else {
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	}
	if (!name)
		return TEE_ERROR_ITEM_NOT_FOUND;
	for (size_t i = 0; i < n; i++) {
		if (tab[i].name && !strcmp(tab[i].name, name)) {
			*out = tab[i];
			return TEE_SUCCESS;
		}
	}
	return TEE_ERROR_ITEM_NOT_FOUND;
}

static int uuid_to_str(char *buf, size_t size, const TEE_UUID *u)
{
	const uint8_t *c = u->clockSeqAndNode;

	return snprintf(
		buf, size, "%08x-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		(unsigned int)u->timeLow, u->timeMid, u->timeHiAndVersion, c[0],
		c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
}

static TEE_Result get_string(TEE_PropSetHandle set, const char *name, char *buf,
			     size_t *len)
{
	struct user_ta_property p;
	TEE_Result res = find(set, name, &p);
	char tmp[80];
	const char *s = tmp;
	size_t need;

	if (res != TEE_SUCCESS)
		return res;
	switch (p.type) {
	case USER_TA_PROP_TYPE_BOOL:
		s = *(const bool *)p.value ? "true" : "false";
		break;
	case USER_TA_PROP_TYPE_U32:
		snprintf(tmp, sizeof(tmp), "%u", *(const uint32_t *)p.value);
		break;
	case USER_TA_PROP_TYPE_U64:
		snprintf(tmp, sizeof(tmp), "%llu",
			 (unsigned long long)*(const uint64_t *)p.value);
		break;
	case USER_TA_PROP_TYPE_UUID:
		uuid_to_str(tmp, sizeof(tmp), p.value);
		break;
	case USER_TA_PROP_TYPE_IDENTITY: {
		const TEE_Identity *id = p.value;
		int n = snprintf(tmp, sizeof(tmp),
				 "%x:", (unsigned int)id->login);

		uuid_to_str(tmp + n, sizeof(tmp) - (size_t)n, &id->uuid);
		break;
	}
	case USER_TA_PROP_TYPE_STRING:
	case USER_TA_PROP_TYPE_BINARY_BLOCK:
		s = p.value;
		break;
	default:
		return TEE_ERROR_BAD_FORMAT;
	}
	need = strlen(s) + 1;
	if (!buf || *len < need) {
		*len = need;
		return TEE_ERROR_SHORT_BUFFER;
	}
	memcpy(buf, s, need);
	*len = need;
	return TEE_SUCCESS;
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
	size_t len = *valueBufferLen;
	TEE_Result res =
		get_string(propsetOrEnumerator, name, valueBuffer, &len);

	*valueBufferLen = (uint32_t)len;
	return res;
}

TEE_Result TEE_GetPropertyAsBool(TEE_PropSetHandle propsetOrEnumerator,
				 const char *name, bool *value)
{
	struct user_ta_property p;
	TEE_Result res = find(propsetOrEnumerator, name, &p);

	if (res != TEE_SUCCESS)
		return res;
	if (p.type == USER_TA_PROP_TYPE_BOOL) {
		*value = *(const bool *)p.value;
	} else if (p.type == USER_TA_PROP_TYPE_STRING &&
		   (!strcmp(p.value, "true") || !strcmp(p.value, "false"))) {
		*value = !strcmp(p.value, "true");
	} else {
		return TEE_ERROR_BAD_FORMAT;
	}
	return TEE_SUCCESS;
}

static TEE_Result get_u64(TEE_PropSetHandle set, const char *name,
			  uint64_t *value, uint64_t max)
{
	struct user_ta_property p;
	TEE_Result res = find(set, name, &p);
	char *end = NULL;

	if (res != TEE_SUCCESS)
		return res;
	switch (p.type) {
	case USER_TA_PROP_TYPE_U32:
		*value = *(const uint32_t *)p.value;
		return TEE_SUCCESS;
	case USER_TA_PROP_TYPE_U64:
		*value = *(const uint64_t *)p.value;
		break;
	case USER_TA_PROP_TYPE_STRING:
		*value = strtoull(p.value, &end, 0);
		if (!*(const char *)p.value || *end)
			return TEE_ERROR_BAD_FORMAT;
		break;
	default:
		return TEE_ERROR_BAD_FORMAT;
	}
	return *value > max ? TEE_ERROR_BAD_FORMAT : TEE_SUCCESS;
}

TEE_Result TEE_GetPropertyAsU32(TEE_PropSetHandle propsetOrEnumerator,
				const char *name, uint32_t *value)
{
	uint64_t v = 0;
	TEE_Result res = get_u64(propsetOrEnumerator, name, &v, UINT32_MAX);

	if (res == TEE_SUCCESS)
		*value = (uint32_t)v;
	return res;
}

TEE_Result TEE_GetPropertyAsU64(TEE_PropSetHandle propsetOrEnumerator,
				const char *name, uint64_t *value)
{
	return get_u64(propsetOrEnumerator, name, value, UINT64_MAX);
}

static int b64_val(char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

/* Decodes base64 s into out (NULL: just count); -1 on a bad character. */
static long b64_decode(const char *s, uint8_t *out, size_t out_len)
{
	uint32_t acc = 0;
	unsigned int bits = 0;
	size_t n = 0;

	for (; *s && *s != '='; s++) {
		int v = b64_val(*s);

		if (v < 0)
			return -1;
		acc = acc << 6 | (uint32_t)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			if (out && n < out_len)
				out[n] = (uint8_t)(acc >> bits);
			n++;
		}
	}
	return (long)n;
}

static TEE_Result get_binary(TEE_PropSetHandle set, const char *name, void *buf,
			     size_t *len)
{
	struct user_ta_property p;
	TEE_Result res = find(set, name, &p);
	long need;

	if (res != TEE_SUCCESS)
		return res;
	if (p.type != USER_TA_PROP_TYPE_BINARY_BLOCK)
		return TEE_ERROR_BAD_FORMAT;
	need = b64_decode(p.value, NULL, 0);
	if (need < 0)
		return TEE_ERROR_BAD_FORMAT;
	if (!buf || *len < (size_t)need) {
		*len = (size_t)need;
		return TEE_ERROR_SHORT_BUFFER;
	}
	b64_decode(p.value, buf, *len);
	*len = (size_t)need;
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
	size_t len = *valueBufferLen;
	TEE_Result res =
		get_binary(propsetOrEnumerator, name, valueBuffer, &len);

	*valueBufferLen = (uint32_t)len;
	return res;
}

TEE_Result TEE_GetPropertyAsUUID(TEE_PropSetHandle propsetOrEnumerator,
				 const char *name, TEE_UUID *value)
{
	struct user_ta_property p;
	TEE_Result res = find(propsetOrEnumerator, name, &p);

	if (res != TEE_SUCCESS)
		return res;
	if (p.type == USER_TA_PROP_TYPE_UUID) {
		*value = *(const TEE_UUID *)p.value;
		return TEE_SUCCESS;
	}
	if (p.type == USER_TA_PROP_TYPE_STRING)
		return tee_uuid_from_str(value, p.value);
	return TEE_ERROR_BAD_FORMAT;
}

TEE_Result TEE_GetPropertyAsIdentity(TEE_PropSetHandle propsetOrEnumerator,
				     const char *name, TEE_Identity *value)
{
	struct user_ta_property p;
	TEE_Result res = find(propsetOrEnumerator, name, &p);

	if (res != TEE_SUCCESS)
		return res;
	if (p.type != USER_TA_PROP_TYPE_IDENTITY)
		return TEE_ERROR_BAD_FORMAT;
	*value = *(const TEE_Identity *)p.value;
	return TEE_SUCCESS;
}
