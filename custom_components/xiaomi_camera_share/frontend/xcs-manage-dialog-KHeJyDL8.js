import{l as e,a,o as t,p as s,c as i,A as n,_ as r,n as l,r as o,d as c}from"./xiaomi-camera-share-card.js";import{M as d}from"./xcs-modal-dialog-fIK-mb6v.js";const h=[{key:"manage.extend.1h",hours:1},{key:"manage.extend.1d",hours:24},{key:"manage.extend.1w",hours:168}];function m(e,a,t){const s=Math.max(new Date(e).getTime(),t.getTime());return new Date(s+36e5*a)}class u extends d{constructor(){super(...arguments),this.now=new Date,this.busy=new Set}static{this.styles=[...d.styles,e,a`
      .name {
        font-weight: 500;
      }
    `]}connectedCallback(){super.connectedCallback(),this.timer=window.setInterval(()=>this.now=new Date,3e4)}disconnectedCallback(){super.disconnectedCallback(),window.clearInterval(this.timer)}heading(){return this.localize("manage.title",{name:this.camera.name})}async run(e,a){this.busy=new Set(this.busy).add(e);try{await a()}catch{}finally{const a=new Set(this.busy);a.delete(e),this.busy=a}}revoke(e){const a=this.hass,s=this.camera.device_id;a&&s&&this.run(e.user_id,()=>t(a,s,e.user_id))}extend(e,a){const t=this.hass,i=this.camera.device_id;t&&i&&this.run(e.user_id,()=>s(t,i,e.user_id,a))}renderBody(){return this.camera.sharees.length?i`<ha-list-base aria-label=${this.heading()}>
      ${this.camera.sharees.map(e=>this.renderSharee(e))}
    </ha-list-base>`:i`<p class="muted">${this.localize("manage.empty")}</p>`}renderSharee(e){const a=function(e){return e.recipient_name??e.nickname}(e),t=this.busy.has(e.user_id),s=Boolean(this.camera.device_id)&&!t,r=e.expires_at,l=this.format,o=(e,a,t,r,l)=>i`<ha-button
        class=${e}
        data-hours=${l??n}
        size="s"
        appearance=${"revoke"===e?"filled":"plain"}
        variant=${"revoke"===e?"danger":"brand"}
        aria-label=${r??n}
        .disabled=${!s}
        @click=${()=>s&&t()}
        >${a}</ha-button
      >`;return i`<ha-list-item-base data-user=${e.user_id}>
      <span slot="headline" class="name"
        >${a}${e.recipient_name?i` <span class="muted">(${e.nickname})</span>`:n}</span
      >
      <div slot="supporting-text">
        <div class="status">
          ${this.localize(`manage.status.${e.status}`)} ·
          ${this.localize(`permission.${e.permission}`)}
          ${e.since?i` · ${this.localize("manage.since",{time:l.dateTime(new Date(e.since))})}`:n}
        </div>
        <div class="expiry">
          ${r?`${this.localize("manage.expires",{relative:l.relative(new Date(r),this.now)})} · ${l.dateTime(new Date(r))}`:this.localize("manage.permanent")}
        </div>
        <div class="row-actions" role="group" aria-label=${this.localize("manage.extend_label",{name:a})}>
          ${r?i`${h.map(({key:a,hours:t})=>o("extend",this.localize(a),()=>this.extend(e,{kind:"until",until:m(r,t,new Date)}),void 0,t))}
                ${o("permanent",this.localize("manage.extend.permanent"),()=>this.extend(e,{kind:"permanent"}))}`:n}
          ${o("revoke",this.localize("manage.revoke"),()=>this.revoke(e),this.localize("manage.revoke_label",{name:a}))}
        </div>
      </div>
    </ha-list-item-base>`}}r([l({attribute:!1})],u.prototype,"camera",void 0),r([o()],u.prototype,"now",void 0),r([o()],u.prototype,"busy",void 0),c("xcs-manage-dialog",u);export{u as ManageDialog,m as extendedUntil};
