/*
 * OP-TEE extensions to the Internal Core API that Rampart's libutee
 * provides. Pulls in trace.h, stdio.h and the extension constants like
 * OP-TEE's header does.
 */
#ifndef RAMPART_TEE_INTERNAL_API_EXTENSIONS_H
#define RAMPART_TEE_INTERNAL_API_EXTENSIONS_H

#include <stdio.h>
#include <tee_api_defines_extensions.h>
#include <tee_internal_api.h>
#include <trace.h>

/* TEE_Malloc hint: leave the new buffer uninitialised. */
#define TEE_USER_MEM_HINT_NO_FILL_ZERO 0x80000000

/*
 * Parses "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" (hex, any case) into a
 * TEE_UUID. TEE_ERROR_BAD_FORMAT when the string is anything else.
 */
TEE_Result tee_uuid_from_str(TEE_UUID *uuid, const char *s);

#endif
