import{i as t,m as e,f as s,s as i,l as a,a as o,e as r,c as h,A as n,_ as l,n as c,r as d,d as m}from"./xiaomi-camera-share-card.js";const p=20;class y extends t{constructor(){super(...arguments),this.recent=[],this.localize=e("en"),this.format=s(void 0),this.older=[],this.hasMore=!0,this.loading=!1}static{this.styles=[i,a,o`
      ha-list-item-base {
        --ha-row-item-min-height: 0;
        --ha-row-item-padding-block: var(--ha-space-2, 8px);
      }
    `]}willUpdate(t){t.has("recent")&&!this.older.length&&(this.hasMore=this.recent.length>=20)}get entries(){return function(t,e){const s=new Map;for(const i of[...t,...e])s.set(i.id,i);return[...s.values()].sort((t,e)=>e.id-t.id)}(this.recent,this.older)}async loadMore(){if(!this.hass)return;const t=this.entries[this.entries.length-1];this.loading=!0;try{const e=await r(this.hass,t?.id,20);this.older=[...this.older,...e.entries],this.hasMore=e.has_more}finally{this.loading=!1}}describe(t){return this.localize(`history.${t.type}`,function(t,e){return{nickname:t.nickname??t.user_id??e("history.someone"),camera:t.camera_name??e("history.a_camera"),message:t.message??""}}(t,this.localize))}render(){const t=this.entries;return t.length||this.hasMore?h`<ha-list-base
        aria-label=${this.localize("tab.history")}
        aria-busy=${this.loading?"true":"false"}
      >
        ${t.map(t=>h`<ha-list-item-base data-id=${t.id} class=${t.type}>
              <span slot="headline">${this.describe(t)}</span>
              <time slot="supporting-text" datetime=${t.time}
                >${this.format.dateTime(new Date(t.time))}</time
              >
            </ha-list-item-base>`)}
      </ha-list-base>
      ${this.hasMore?h`<ha-button
              class="more"
              appearance="plain"
              .loading=${this.loading}
              @click=${()=>!this.loading&&this.loadMore()}
              >${this.localize("history.more")}</ha-button
            >`:n}`:h`<p class="muted empty">${this.localize("history.empty")}</p>`}}l([c({attribute:!1})],y.prototype,"recent",void 0),l([c({attribute:!1})],y.prototype,"localize",void 0),l([c({attribute:!1})],y.prototype,"format",void 0),l([d()],y.prototype,"older",void 0),l([d()],y.prototype,"hasMore",void 0),l([d()],y.prototype,"loading",void 0),m("xcs-history-view",y);export{p as HISTORY_PAGE_SIZE,y as HistoryView};
