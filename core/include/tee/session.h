/* Sessions between normal-world clients and (pseudo) TAs. */
#ifndef TEE_SESSION_H
#define TEE_SESSION_H

#include <tee/tee_param.h>

/* Who opened a session, as the TA sees it (gpd.client.identity). */
struct tee_identity {
	uint32_t login;   /* TEE_LOGIN_* */
	uint8_t uuid[16]; /* octets, as in OPTEE_MSG messages */
};

#define TEE_LOGIN_PUBLIC 0x0u
#define TEE_LOGIN_REE_KERNEL 0x80000000u
#define TEE_LOGIN_TRUSTED_APP 0xf0000000u

/*
 * @owner is NULL for sessions of normal-world clients and the calling TA
 * instance for TA-to-TA sessions: a session can only be used and closed
 * by its owner.
 */
TEE_Result session_open(const uint8_t uuid[16],
			const struct tee_identity *client, const void *owner,
			struct tee_call_params *cp, uint32_t *id,
			uint32_t *origin);
/* TEE_ERROR_ITEM_NOT_FOUND: no session @id of @owner. */
TEE_Result session_invoke(uint32_t id, const void *owner, uint32_t cmd,
			  struct tee_call_params *cp, uint32_t *origin);
TEE_Result session_close(uint32_t id, const void *owner);
bool session_exists(uint32_t id, const void *owner);
/* Closes every session @owner still holds (its instance is going away). */
void session_close_all_of(const void *owner);
/* Marks running calls of (@id, @cancel_id) cancelled. */
void session_cancel(uint32_t id, uint32_t cancel_id);

#endif
