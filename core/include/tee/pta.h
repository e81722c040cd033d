/*
 * Pseudo TAs: services compiled into the core that the normal world opens
 * like any TA, by UUID. Each entry point gets secure copies of its
 * parameters (tee_param.h) and may issue RPCs (tee/rpc.h).
 */
#ifndef TEE_PTA_H
#define TEE_PTA_H

#include <tee/tee_param.h>

struct tee_identity;

struct pta {
	const char *name;
	uint8_t uuid[16]; /* RFC 4122 octets */
	/*
	 * Optional; NULL accepts any open with no parameters checked. @client
	 * is who opens (login and UUID, tee/session.h).
	 */
	TEE_Result (*open_session)(const struct tee_identity *client,
				   uint32_t types, union tee_param p[4],
				   void **session_ctx);
	void (*close_session)(void *session_ctx);
	TEE_Result (*invoke)(void *session_ctx, uint32_t cmd, uint32_t types,
			     union tee_param p[4]);
};

const struct pta *pta_find(const uint8_t uuid[16]);

extern const struct pta pta_device_enum;
extern const struct pta pta_test;
extern const struct pta pta_debug;
extern const struct pta pta_rng;

#endif
