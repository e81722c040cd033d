/*
 * libutee internal: the text forms GP gives property values (Internal Core
 * API 1.3.1 §4.4), used by properties.c both to print a value as a string
 * and to convert a string-typed property to another type.
 */
#ifndef RAMPART_LIBUTEE_PROPERTY_TEXT_H
#define RAMPART_LIBUTEE_PROPERTY_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <tee_api_types.h>

/* Longest text prop_identity_to_str() writes, NUL included. */
#define PROP_IDENTITY_STR_LEN 48

/* "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx", lower case, into buf[37]. */
void prop_uuid_to_str(char buf[37], const TEE_UUID *u);
/* "<login in decimal>:<uuid>" into buf[PROP_IDENTITY_STR_LEN]. */
void prop_identity_to_str(char *buf, const TEE_Identity *id);

/*
 * GP's integer grammar: decimal [0-9_]+ with an optional K (x1024) or M
 * (x1024^2) suffix, hexadecimal 0[xX][0-9a-fA-F_]+, binary 0[bB][01_]+.
 * False when s is anything else or the value exceeds max.
 */
bool prop_parse_uint(const char *s, uint64_t max, uint64_t *v);
/* "true" or "false", in any case. */
bool prop_parse_bool(const char *s, bool *v);
/* integer (':' uuid)?, the login at most UINT32_MAX; no uuid: nil UUID. */
bool prop_parse_identity(const char *s, TEE_Identity *id);

/*
 * Base64 (RFC 4648 alphabet, '=' padding optional but only at the end).
 * Writes at most cap bytes to out (may be NULL when cap is 0) and the full
 * decoded length to *len; false when s is not Base64.
 */
bool prop_base64_decode(const char *s, uint8_t *out, size_t cap, size_t *len);

#endif
