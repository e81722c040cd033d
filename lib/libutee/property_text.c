/*
 * Text forms of property values (GP Internal Core API 1.3.1 §4.4): how a
 * value is printed for TEE_GetPropertyAsString and how a string-typed
 * property converts to the other types. See property_text.h.
 */
#include <stdio.h>
#include <string.h>
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>

#include "property_text.h"

void prop_uuid_to_str(char buf[37], const TEE_UUID *u)
{
	const uint8_t *c = u->clockSeqAndNode;

	snprintf(buf, 37, "%08x-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		 (unsigned int)u->timeLow, u->timeMid, u->timeHiAndVersion,
		 c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
}

void prop_identity_to_str(char *buf, const TEE_Identity *id)
{
	char uuid[37];
	/* Decimal login, as OP-TEE prints it. */
	prop_uuid_to_str(uuid, &id->uuid);
	snprintf(buf, PROP_IDENTITY_STR_LEN, "%u:%s", (unsigned int)id->login,
		 uuid);
}

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 99;
}

/* Parses [digits_]+ in @base up to *end (exclusive); false on overflow. */
static bool parse_digits(const char *s, const char *end, unsigned int base,
			 uint64_t *v)
{
	bool any = false;

	*v = 0;
	for (; s < end; s++) {
		int d;

		if (*s == '_')
			continue;
		d = digit_value(*s);
		if (d >= (int)base || __builtin_mul_overflow(*v, base, v) ||
		    __builtin_add_overflow(*v, (uint64_t)d, v))
			return false;
		any = true;
	}
	return any;
}

/* Parses an integer that ends at *end (exclusive). */
static bool parse_uint_range(const char *s, const char *end, uint64_t max,
			     uint64_t *v)
{
	uint64_t mult = 1;
	unsigned int base = 10;

	if (end - s > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	} else if (end - s > 2 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) {
		base = 2;
		s += 2;
	} else if (end > s && (end[-1] == 'K' || end[-1] == 'M')) {
		mult = end[-1] == 'K' ? 1024 : 1024 * 1024;
		end--;
	}
	if (!parse_digits(s, end, base, v) ||
	    __builtin_mul_overflow(*v, mult, v))
		return false;
	return *v <= max;
}

bool prop_parse_uint(const char *s, uint64_t max, uint64_t *v)
{
	return parse_uint_range(s, s + strlen(s), max, v);
}

static bool same_text_nocase(const char *a, const char *lower)
{
	for (; *lower; a++, lower++) {
		char c = *a;

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != *lower)
			return false;
	}
	return !*a;
}

bool prop_parse_bool(const char *s, bool *v)
{
	if (same_text_nocase(s, "true"))
		*v = true;
	else if (same_text_nocase(s, "false"))
		*v = false;
	else
		return false;
	return true;
}

bool prop_parse_identity(const char *s, TEE_Identity *id)
{
	const char *colon = strchr(s, ':');
	const char *end = colon ? colon : s + strlen(s);
	uint64_t login;

	if (!parse_uint_range(s, end, UINT32_MAX, &login))
		return false;
	memset(&id->uuid, 0, sizeof(id->uuid));
	if (colon && tee_uuid_from_str(&id->uuid, colon + 1) != TEE_SUCCESS)
		return false;
	id->login = (uint32_t)login;
	return true;
}

static int b64_value(char c)
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

bool prop_base64_decode(const char *s, uint8_t *out, size_t cap, size_t *len)
{
	size_t chars = 0, pad = 0, n = 0;
	uint32_t acc = 0;
	unsigned int bits = 0;

	for (; *s; s++) {
		int v;

		if (*s == '=') {
			pad++;
			continue;
		}
		v = b64_value(*s);
		if (v < 0 || pad) /* padding only at the very end */
			return false;
		chars++;
		acc = acc << 6 | (uint32_t)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			if (n < cap)
				out[n] = (uint8_t)(acc >> bits);
			n++;
		}
	}
	/* One character alone carries no byte; padding completes a quad. */
	if (chars % 4 == 1 || pad > 2 || (pad && (chars + pad) % 4))
		return false;
	*len = n;
	return true;
}
