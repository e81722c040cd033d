# Compile rules: one object per source in ta-srcs, plus the dev kit's
# src/user_ta_header.c. Objects go to $(out-dir) mirroring the source tree
# ("../" becomes "__/", an absolute path keeps its components).
# Included by ta_dev_kit.mk after subdir.mk.

ta-objs :=

ta-header-src := $(ta-dev-kit-dir)/src/user_ta_header.c

ta-obj-name = $(out-dir)/$(subst ../,__/,$(patsubst /%,%,$(patsubst ./%,%,$(basename $1)))).o

# A change of flags (command line, environment) rebuilds everything.
ta-flags-file := $(out-dir)/.ta-flags
ta-flags-sig = $(ta-cc) $(ta-base-cflags) $(ta-base-cppflags) $(ta-user-cflags) $(CPPFLAGS) $(LDADD)
ifeq ($(filter clean,$(MAKECMDGOALS)),)
$(shell mkdir -p $(out-dir) && \
	{ echo '$(subst ','\'',$(ta-flags-sig))' | cmp -s - $(ta-flags-file) || \
	  echo '$(subst ','\'',$(ta-flags-sig))' >$(ta-flags-file); })
endif

# $1: source, $2: object
define ta-compile-rule
ta-objs += $2
$2: $1 $(ta-flags-file) $(MAKEFILE_LIST)
	@mkdir -p $$(dir $$@)
	$(ta-echo) '  $(if $(filter %.S,$1),AS,CC)      $$@'
	$(q)$(ta-cc) $$(filter-out $$(ta-$(if $(filter %.S,$1),a,c)flags-remove-$1) \
		$$(ta-cppflags-remove-$1), \
		$(if $(filter %.S,$1),-D__ASSEMBLY__ $$(ta-base-aflags) $$(ta-aflags-$1), \
		$$(ta-base-cflags) $$(ta-cflags-$1) $$(ta-user-cflags)) \
		$$(addprefix -I,$$(ta-incdirs-$1)) -I. \
		$$(addprefix -I,$$(ta-global-incdirs)) \
		-I$(ta-dev-kit-dir)/include \
		$$(ta-base-cppflags) $$(ta-cppflags-$1) $$(CPPFLAGS)) \
		-MD -MP -MF $2.d -c $$< -o $$@
endef

$(foreach s,$(ta-srcs),\
	$(if $(filter %.c %.S,$s),,$(error $s: only .c and .S sources are supported))\
	$(eval $(call ta-compile-rule,$s,$(call ta-obj-name,$s))))
$(eval $(call ta-compile-rule,$(ta-header-src),$(out-dir)/user_ta_header.o))

-include $(addsuffix .d,$(ta-objs))
