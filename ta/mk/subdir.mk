# Reads the TA's sub.mk files, starting with ./sub.mk and descending into
# subdirs-y. Recognised variables (per directory): srcs-y, subdirs-y,
# global-incdirs-y, incdirs-y, cflags-y, cppflags-y, aflags-y,
# cflags-remove-y, cppflags-remove-y, aflags-remove-y, and the per-file
# forms cflags-<file>-y, cppflags-<file>-y, aflags-<file>-y,
# cflags-remove-<file>-y, cppflags-remove-<file>-y, aflags-remove-<file>-y,
# incdirs-<file>-y (<file> as written in srcs-y).
#
# Produces ta-srcs (paths relative to the TA directory, or absolute),
# ta-global-incdirs and, for each source S: ta-cflags-S, ta-cppflags-S,
# ta-aflags-S, their -remove- counterparts and ta-incdirs-S.

ta-srcs :=
ta-global-incdirs :=

ta-subdir-vars := srcs-y subdirs-y global-incdirs-y incdirs-y cflags-y \
	cppflags-y aflags-y cflags-remove-y cppflags-remove-y aflags-remove-y
ta-file-vars := cflags cppflags aflags cflags-remove cppflags-remove \
	aflags-remove

# $1: directory prefix ("" or "dir/"), $2: a srcs-y entry
define ta-process-src
ta-src := $(if $(filter /%,$2),$2,$1$2)
ta-srcs += $$(ta-src)
$(foreach v,$(ta-file-vars),
ta-$v-$$(ta-src) := $$($v-y) $$($v-$2-y)
$v-$2-y :=
)
ta-incdirs-$$(ta-src) := $$(ta-dir-incdirs) $$(addprefix $1,$$(incdirs-$2-y))
incdirs-$2-y :=
endef

# $1: directory ("." for the TA directory itself)
define ta-process-subdir
$(foreach v,$(ta-subdir-vars),$v :=
)
include $1/sub.mk
ta-dir-prefix := $(if $(filter .,$1),,$1/)
ta-global-incdirs += $$(addprefix $$(ta-dir-prefix),$$(global-incdirs-y))
ta-dir-incdirs := $$(addprefix $$(ta-dir-prefix),$$(incdirs-y))
ta-subdirs-$1 := $$(addprefix $$(ta-dir-prefix),$$(subdirs-y))
$$(foreach s,$$(srcs-y),$$(eval $$(call ta-process-src,$$(ta-dir-prefix),$$(s))))
$$(foreach d,$$(ta-subdirs-$1),$$(eval $$(call ta-process-subdir,$$(d))))
endef

ifeq ($(wildcard sub.mk),)
$(error no sub.mk in $(CURDIR))
endif
$(eval $(call ta-process-subdir,.))
