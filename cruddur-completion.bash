# Tab completion for ./cruddur in bash, from System.CommandLine's own [suggest] directive:
#   source ./cruddur-completion.bash        (or add that line to ~/.bashrc)
# Commands, subcommands and options complete; where none fits (a FILE), bash completes file names.
_cruddur_complete() {
  local IFS=$'\n'
  local candidates
  candidates="$("${COMP_WORDS[0]}" "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)" || return 0
  COMPREPLY=($(compgen -W "${candidates}" -- "${COMP_WORDS[COMP_CWORD]}"))
}
complete -o default -F _cruddur_complete cruddur ./cruddur
