/*
 * Session table. A session is reference counted so that a CLOSE_SESSION
 * racing with an INVOKE on another thread cannot free it under the invoke.
 */
#include <kernel/spinlock.h>
#include <kernel/thread.h>
#include <mm/heap.h>
#include <rampart/abi/optee_msg.h>
#include <tee/pta.h>
#include <tee/session.h>
#include <tee/std_call.h>
#include <tee/user_ta.h>

struct session {
	uint32_t id;
	uint32_t refcount;
	bool closing;
	const void *owner;
	const struct pta *pta;
	void *ctx;
	struct session *next;
};

static struct session *sessions;
static uint32_t next_id = 1;
static volatile uint32_t lock;

static struct session *get(uint32_t id, const void *owner)
{
	struct session *s;

	spin_lock(&lock);
	for (s = sessions; s; s = s->next) {
		if (s->id == id && s->owner == owner && !s->closing) {
			s->refcount++;
			break;
		}
	}
	spin_unlock(&lock);
	return s;
}

static void put(struct session *s)
{
	bool last;

	spin_lock(&lock);
	last = --s->refcount == 0;
	if (last) {
		struct session **link = &sessions;

		while (*link != s)
			link = &(*link)->next;
		*link = s->next;
	}
	spin_unlock(&lock);
	if (last) {
		if (s->pta->close_session)
			s->pta->close_session(s->ctx);
		free(s);
	}
}

TEE_Result session_open(const uint8_t uuid[16],
			const struct tee_identity *client, const void *owner,
			struct tee_call_params *cp, uint32_t *id,
			uint32_t *origin)
{
	const struct pta *pta = pta_find(uuid);
	struct session *s;
	TEE_Result res;

	*origin = TEE_ORIGIN_TEE;
	s = calloc(1, sizeof(*s));
	if (!s)
		return TEE_ERROR_OUT_OF_MEMORY;
	s->owner = owner;
	if (!pta) {
		/* Not built in: a user-mode TA fetched by UUID. */
		res = user_ta_open_session(uuid, client, cp->types, cp->p,
					   &s->ctx, origin);
		if (res) {
			free(s);
			return res;
		}
		pta = &user_ta_session_ops;
	}
	s->pta = pta;
	if (pta->open_session) {
		*origin = TEE_ORIGIN_TRUSTED_APP;
		res = pta->open_session(client, cp->types, cp->p, &s->ctx);
		if (res) {
			free(s);
			return res;
		}
	}
	spin_lock(&lock);
	s->id = next_id++;
	if (!next_id)
		next_id = 1;
	s->refcount = 1;
	s->next = sessions;
	sessions = s;
	spin_unlock(&lock);
	*id = s->id;
	return TEE_SUCCESS;
}

TEE_Result session_invoke(uint32_t id, const void *owner, uint32_t cmd,
			  struct tee_call_params *cp, uint32_t *origin)
{
	struct session *s = get(id, owner);
	TEE_Result res;

	*origin = TEE_ORIGIN_TEE;
	if (!s)
		return owner ? TEE_ERROR_ITEM_NOT_FOUND
			     : TEE_ERROR_BAD_PARAMETERS;
	res = s->pta->invoke(s->ctx, cmd, cp->types, cp->p);
	/* A dead TA instance is reported by the TEE, everything else by the TA.
	 */
	*origin = res == TEE_ERROR_TARGET_DEAD ? TEE_ORIGIN_TEE
					       : TEE_ORIGIN_TRUSTED_APP;
	put(s);
	return res;
}

TEE_Result session_close(uint32_t id, const void *owner)
{
	struct session *s = get(id, owner);

	if (!s)
		return owner ? TEE_ERROR_ITEM_NOT_FOUND
			     : TEE_ERROR_BAD_PARAMETERS;
	spin_lock(&lock);
	s->closing = true;
	s->refcount--; /* the table's own reference */
	spin_unlock(&lock);
	put(s);
	return TEE_SUCCESS;
}

bool session_exists(uint32_t id, const void *owner)
{
	struct session *s = get(id, owner);

	if (s)
		put(s);
	return s != NULL;
}

void session_close_all_of(const void *owner)
{
	for (;;) {
		uint32_t id = 0;

		spin_lock(&lock);
		for (struct session *s = sessions; s; s = s->next)
			if (s->owner == owner && !s->closing)
				id = s->id;
		spin_unlock(&lock);
		if (!id || session_close(id, owner))
			return;
	}
}

void session_cancel(uint32_t id, uint32_t cancel_id)
{
	for (unsigned int i = 0; i < thread_count(); i++) {
		struct thread *t = thread_by_index(i);
		struct std_call *c = t->call;

		/* t->call may be changing under us: only ever set a flag. */
		if (c && c->in_session && c->session == id &&
		    c->cancel_id == cancel_id)
			t->cancel_requested = true;
	}
}
