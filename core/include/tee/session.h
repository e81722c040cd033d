/* Sessions between normal-world clients and (pseudo) TAs. */
#ifndef TEE_SESSION_H
#define TEE_SESSION_H

#include <tee/tee_param.h>

TEE_Result session_open(const uint8_t uuid[16], uint32_t login,
			struct tee_call_params *cp, uint32_t *id,
			uint32_t *origin);
TEE_Result session_invoke(uint32_t id, uint32_t cmd,
			  struct tee_call_params *cp, uint32_t *origin);
TEE_Result session_close(uint32_t id);
/* Marks running calls of (@id, @cancel_id) cancelled. */
void session_cancel(uint32_t id, uint32_t cancel_id);

#endif
